"""``/upload``: drop activity files, folders' worth of them, or a Strava or Apple Health
zip; each is imported as ``footfall import`` would, and the page says what became of
each one. Without script the form posts them all at once; with it
(``static/upload.js``) each file goes on its own, with its progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse

from footfall.web.state import State
from footfall.web.uploads import Upload, import_uploads

router = APIRouter(tags=["pages"])


@router.get("/upload", response_class=HTMLResponse, summary="The upload page")
def upload_page(request: Request, state: State) -> HTMLResponse:
    context = {"page": "upload", "report": None, "units": state.athlete().units}
    return state.templates.TemplateResponse(request, "upload.html", context)


@router.post("/upload", response_class=HTMLResponse, summary="Import uploaded files")
def upload_files(
    request: Request,
    state: State,
    files: Annotated[list[UploadFile], File(description="Activity files or export zips")],
) -> HTMLResponse:
    uploads = [Upload(f.filename or "upload", f.file) for f in files]
    report = import_uploads(state.store, uploads).to_json()
    context = {
        "page": "upload",
        "report": report,
        "names": [u.name for u in uploads],
        "units": state.athlete().units,
    }
    partial = request.headers.get("HX-Request")
    name = "fragments/import_report.html" if partial else "upload.html"
    return state.templates.TemplateResponse(request, name, context)
