def test_home_page_renders_with_date_header(client, home):
    response = client.get("/", HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    assert "ward-date" in response.content.decode()


def test_english_home_page(client, home, translate):
    english = translate(home, {"Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward website"})
    response = client.get(english.url, HTTP_USER_AGENT="Mozilla/5.0")
    assert english.url == "/en/"
    assert "Lạc Viên Ward website" in response.content.decode()
