"""Other web sites cannot use the runner's local app: a request under a foreign name, a
form posted from another site, or an oversized body is refused before any route."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import problem

from footfall.web import create_app
from footfall.web.guard import host_name
from footfall.web.hosts import allowed_hosts


def test_a_form_posted_from_another_site_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/checkins",
        json={"legs": "same", "energy": "same"},
        headers={"Origin": "https://evil.example"},
    )
    assert "another site" in problem(response, 403)
    assert client.get("/api/checkins").json() == []


def test_the_apps_own_pages_may_post(client: TestClient) -> None:
    response = client.post(
        "/api/checkins",
        json={"legs": "same", "energy": "same", "date": "2026-03-01"},
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 200


def test_a_page_may_read_from_anywhere_but_not_write(client: TestClient) -> None:
    response = client.get("/api/week", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200


def test_a_name_the_app_was_not_given_is_refused(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "db.sqlite"), hosts={"127.0.0.1", "localhost"})
    with TestClient(app, base_url="http://rebound.example:8000") as other:
        assert "rebound.example" in problem(other.get("/api/athlete"), 421)
    with TestClient(app, base_url="http://localhost:8000") as local:
        assert local.get("/api/athlete").status_code == 200


def test_an_oversized_upload_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post(
        "/api/import", content=b"x", headers={"Content-Length": str(5 * 1024**3)}
    )
    assert "larger than 4 GiB" in problem(response, 413)


@pytest.mark.parametrize(
    ("host", "name"),
    [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"), ("LOCALHOST", "localhost"),
     ("::1", "::1")],
)  # fmt: skip
def test_host_names_are_read_without_their_port(host: str, name: str) -> None:
    assert host_name(host) == name


def test_serving_on_loopback_answers_only_to_loopback_names() -> None:
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("127.0.0.2") == {"127.0.0.1", "localhost", "::1", "127.0.0.2"}
    assert allowed_hosts("0.0.0.0") is None  # noqa: S104 - every interface
    assert allowed_hosts("192.168.1.20") == {"192.168.1.20"}
