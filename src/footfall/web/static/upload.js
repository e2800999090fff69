// footfall upload: each dropped or chosen file is sent on its own, with its progress;
// the server answers with the lines saying what became of it (imported, duplicate, error).
(() => {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("files");
  const zone = document.getElementById("dropzone");
  const list = document.getElementById("uploads");
  let queue = Promise.resolve();

  function item(file) {
    const li = document.createElement("li");
    li.dataset.file = file.name;
    const name = document.createElement("strong");
    name.textContent = file.name + " ";
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    const state = document.createElement("span");
    state.className = "state note";
    state.textContent = " waiting";
    const result = document.createElement("div");
    result.className = "result";
    li.append(name, bar, state, result);
    list.append(li);
    return { li, bar, state, result };
  }

  function send(file, row) {
    return new Promise((resolve) => {
      const body = new FormData();
      body.append("files", file, file.name);
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("HX-Request", "true");
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) {
          row.bar.value = Math.round((100 * event.loaded) / event.total);
          row.state.textContent = " uploading " + row.bar.value + "%";
        }
      };
      request.upload.onload = () => {
        row.bar.value = 100;
        row.state.textContent = " importing…";
      };
      request.onload = () => {
        row.bar.remove();
        row.state.textContent = request.status < 400 ? "" : " refused (" + request.status + ")";
        row.result.innerHTML = request.responseText; // footfall's own escaped fragment
        row.li.dataset.status = request.status;
        resolve();
      };
      request.onerror = () => {
        row.state.textContent = " could not reach footfall: is it still running?";
        row.li.dataset.status = "0";
        resolve();
      };
      row.state.textContent = " uploading";
      request.send(body);
    });
  }

  function sendAll(files) {
    for (const file of Array.from(files)) {
      const row = item(file);
      queue = queue.then(() => send(file, row)); // one at a time: the store imports in order
    }
  }

  input.addEventListener("change", () => {
    sendAll(input.files);
    input.value = "";
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sendAll(input.files);
  });
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, () => zone.classList.remove("over"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    sendAll(event.dataTransfer.files);
  });
})();
