"""The OpenAPI schema lists every route the app serves, with the methods it takes, and
the app loads nothing from a CDN (the interactive docs that would are off)."""

from __future__ import annotations

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from footfall.web.app import ROUTERS


def test_the_schema_lists_every_route_and_method(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    routes = [r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) >= 25
    for route in routes:
        assert route.path in schema["paths"], route.path
        listed = {method.upper() for method in schema["paths"][route.path]}
        assert route.methods <= listed, (route.path, route.methods, listed)


def test_every_api_route_is_in_the_api_and_every_page_is_a_page(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            expected = "api" if path.startswith("/api/") else "pages"
            assert operation["tags"] == [expected], path
            assert operation["summary"], path


def test_the_api_routes_mirror_the_command_line(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    expected = {
        "/api/activities": {"get"},
        "/api/activities/{activity_id}": {"get"},
        "/api/week": {"get"},
        "/api/import": {"post"},
        "/api/plan": {"get", "post"},
        "/api/athlete": {"get", "put"},
        "/api/checkins": {"get", "post"},
        "/api/walk": {"post"},
    }
    assert {p: set(ops) for p, ops in paths.items() if p.startswith("/api/")} == expected
    plan_body = paths["/api/plan"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/yaml", "text/calendar", "text/csv"} <= set(plan_body)


def test_no_page_loads_anything_from_another_site(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    for page in ("/", "/activities", "/activities/1", "/upload", "/plan", "/walk", "/checkin"):
        html = client.get(page).text
        assert "http://" not in html and "https://" not in html and "//cdn" not in html, page
