"""Helpers of the import tests: upload a file, read the preview, confirm it as an editor would."""

from bs4 import BeautifulSoup
from django.urls import reverse


def upload_to(client, page, upload, replace=True):
    data = {"file": upload}
    if replace:
        data["replace"] = "on"
    return client.post(reverse("wagtail_ward_schedule:import", args=[page.pk]), data)


def preview_of(client, page, upload, replace=True):
    """The preview page (parsed) after uploading ``upload``; its address is ``.url``."""
    response = upload_to(client, page, upload, replace)
    assert response.status_code == 302, response.content.decode()[:3000]
    url = response["Location"]
    preview = client.get(url)
    assert preview.status_code == 200
    soup = BeautifulSoup(preview.content.decode(), "html.parser")
    soup.url = url
    return soup


def confirm(client, preview, action="import", **extra):
    """Post the preview's form with its ticked boxes, plus ``extra`` fields."""
    data = {"action": action}
    for box in preview.select("#ward-import-confirm input[type=checkbox][checked]"):
        data.setdefault(box["name"], []).append(box["value"])
    data.update(extra)
    return client.post(preview.url, data)


def rows_of(result):
    """``(row, date, session, start, content)`` of every row of every sheet of a result."""
    return [
        (e["row"], e["date"], e["session"], e["start_time"], e["content"])
        for sheet in result["sheets"]
        for e in sheet["entries"]
    ]
