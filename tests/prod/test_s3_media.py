"""Media on S3-compatible storage through django-storages (docs/production.md), against moto's
S3 server on loopback: an image uploaded in Wagtail's admin lands in the bucket, the article's
rendition is written there too and the page shows its bucket address; a document is streamed
through Django (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks its privacy."""

import io
import json
import re
import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import BROWSER

BUCKET = "ward-media"
PUBLIC_RENDITIONS = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
        }
    ],
}


@pytest.fixture
def on_s3(settings, s3_server):
    endpoint, client = s3_server
    client.create_bucket(Bucket=BUCKET)
    # As docs/production.md advises: readers may fetch renditions (images/), nothing else.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_RENDITIONS))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {  # as production.py sets them from S3_BUCKET and S3_ENDPOINT_URL
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    yield endpoint, client
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for entry in objects:
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _png(width, height):
    data = io.BytesIO()
    PillowImage.new("RGB", (width, height), (20, 90, 160)).save(data, "PNG")
    return data.getvalue()


def _keys(client):
    return {entry["Key"] for entry in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_an_uploaded_image_and_its_rendition_live_in_the_bucket(on_s3, editor, ward_site):
    endpoint, client = on_s3
    upload = SimpleUploadedFile("tru-so.png", _png(1200, 900), content_type="image/png")
    response = editor.post(reverse("wagtailimages:add"), {"title": "Trụ sở phường", "file": upload})
    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get(title="Trụ sở phường")
    assert f"original_images/{image.file.name.rsplit('/', 1)[-1]}" in _keys(client)

    index = NewsIndexPageFactory(parent=ward_site.root_page)
    article = NewsPageFactory(parent=index, featured_image=image)
    editor.logout()
    page = editor.get(article.url, HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 200
    shown = re.search(rf'<img[^>]+src="({re.escape(endpoint)}/[^"]+)"', page.text)
    assert shown, "the article shows its picture from the bucket"
    url = shown.group(1)
    rendition = image.renditions.get(filter_spec="max-800x600")
    assert url == rendition.url == f"{endpoint}/{BUCKET}/{rendition.file.name}"
    assert (rendition.width, rendition.height) == (800, 600)
    # The sharing picture (og:image) is a rendition of its own, in the bucket too.
    sharing = image.renditions.get(filter_spec="fill-1200x630")
    assert sharing.url in page.text
    assert {rendition.file.name, sharing.file.name} <= _keys(client)
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (loopback http)
        assert PillowImage.open(io.BytesIO(answer.read())).size == (800, 600)
    # The original stays private: a reader cannot fetch it from the bucket.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{endpoint}/{BUCKET}/{image.file.name}", timeout=10)  # noqa: S310
    assert refused.value.code == 403


def test_a_document_is_streamed_from_the_bucket_through_django(on_s3, editor, ward_site):
    endpoint, client = on_s3
    content = "Biên bản họp tổ dân phố số 3\n".encode()
    upload = SimpleUploadedFile("bien-ban.txt", content, content_type="text/plain")
    response = editor.post(reverse("wagtaildocs:add"), {"title": "Biên bản", "file": upload})
    assert response.status_code == 302, response.content[:500]
    document = get_document_model().objects.get(title="Biên bản")
    assert document.file.name in _keys(client)
    editor.logout()
    served = editor.get(document.url)
    assert served.status_code == 200  # no redirect to the bucket: documents/ need not be public
    assert b"".join(served.streaming_content) == content
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{endpoint}/{BUCKET}/{document.file.name}", timeout=10)  # noqa: S310
    assert refused.value.code == 403
