// The chat page: questions and streamed answers with citations, image questions, uploads and
// the document list, over the JSON API. Document text is untrusted: it only ever reaches the
// page through textContent, never as markup.
"use strict";

(() => {
  const KEY_STORAGE = "rag.apiKey";
  const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
  const MAX_IMAGE_MB = 20;
  const MAX_QUOTE_CHARS = 2000; // the server's bound on a passage to highlight

  const $ = (id) => document.getElementById(id);
  const ui = {
    banner: $("banner"),
    layout: document.querySelector(".layout"),
    library: $("library"),
    toggleLibrary: $("toggle-library"),
    changeKey: $("change-key"),
    newConversation: $("new-conversation"),
    dropZone: $("drop-zone"),
    chooseFiles: $("choose-files"),
    fileInput: $("file-input"),
    uploadLimit: $("upload-limit"),
    uploadStatus: $("upload-status"),
    uploadLabel: $("upload-label"),
    uploadProgress: $("upload-progress"),
    uploadResults: $("upload-results"),
    refreshDocuments: $("refresh-documents"),
    documents: $("documents"),
    documentsEmpty: $("documents-empty"),
    messages: $("messages"),
    welcome: $("welcome"),
    composer: $("composer"),
    question: $("question"),
    send: $("send"),
    attachImage: $("attach-image"),
    imageInput: $("image-input"),
    attachment: $("attachment"),
    attachmentThumb: $("attachment-thumb"),
    attachmentName: $("attachment-name"),
    removeAttachment: $("remove-attachment"),
    sourcePanel: $("source-panel"),
    sourceTitle: $("source-title"),
    closeSource: $("close-source"),
    sourceFile: $("source-file"),
    sourcePage: $("source-page"),
    sourceModality: $("source-modality"),
    sourceFigure: $("source-figure"),
    sourceImage: $("source-image"),
    sourceHighlights: $("source-highlights"),
    sourceCaption: $("source-caption"),
    sourceSnippet: $("source-snippet"),
    keyDialog: $("key-dialog"),
    keyForm: $("key-form"),
    keyMessage: $("key-message"),
    keyInput: $("key-input"),
    keyError: $("key-error"),
  };

  const state = {
    key: readStoredKey(),
    authRequired: false,
    maxUploadMb: null,
    conversationId: null,
    image: null, // {dataUrl, name}
    busy: false,
    keyRequest: null, // the pending prompt for an API key, shared by concurrent requests
    sourceOpener: null, // the element focus returns to when the source closes
    previewUrl: null, // object URL of the preview on show, revoked when replaced
    previewToken: 0,
  };

  // API access ------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(message, type, status, body) {
      super(message);
      this.type = type || "error";
      this.status = status || 0;
      this.body = body || null;
    }
  }

  function readStoredKey() {
    try {
      return localStorage.getItem(KEY_STORAGE) || null;
    } catch {
      return null;
    }
  }

  function storeKey(key) {
    state.key = key;
    try {
      if (key) localStorage.setItem(KEY_STORAGE, key);
      else localStorage.removeItem(KEY_STORAGE);
    } catch {
      // Private windows may refuse storage: the key then lasts as long as the page.
    }
  }

  function authHeaders(headers) {
    const all = new Headers(headers || {});
    if (state.key) all.set("Authorization", "Bearer " + state.key);
    return all;
  }

  // The {"error": {"message", "type"}} body of a failed response, or what the status says.
  async function errorFrom(response) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    return errorFromBody(body, response.status, response.statusText);
  }

  function errorFromBody(body, status, statusText) {
    const error = body && typeof body === "object" ? body.error : null;
    const message =
      error && typeof error.message === "string" && error.message
        ? error.message
        : `The server answered ${status}${statusText ? " " + statusText : ""}.`;
    const type = error && typeof error.type === "string" ? error.type : "http_" + status;
    return new ApiError(message, type, status, body);
  }

  // fetch with the API key; a 401 asks for a (new) key and tries again.
  async function apiFetch(path, init = {}) {
    for (;;) {
      if (state.authRequired && !state.key) await requestKey();
      const response = await fetch(path, { ...init, headers: authHeaders(init.headers) });
      if (response.status !== 401) return response;
      const error = await errorFrom(response);
      state.authRequired = true;
      ui.changeKey.hidden = false;
      storeKey(null);
      await requestKey(error.message);
    }
  }

  async function apiJson(path, init) {
    const response = await apiFetch(path, init);
    if (!response.ok) throw await errorFrom(response);
    return response.json();
  }

  // Ask for an API key in the dialog; resolves once one is entered.
  function requestKey(reason) {
    if (state.keyRequest) return state.keyRequest;
    ui.keyError.hidden = !reason;
    ui.keyError.textContent = reason || "";
    ui.keyMessage.textContent = state.key
      ? "Enter the API key to use for this server."
      : "This server requires an API key. It is kept in this browser only.";
    ui.keyInput.value = "";
    state.keyRequest = new Promise((resolve) => {
      const submitted = (event) => {
        event.preventDefault();
        const key = ui.keyInput.value.trim();
        if (!key) {
          ui.keyError.textContent = "Enter a key to continue.";
          ui.keyError.hidden = false;
          return;
        }
        ui.keyForm.removeEventListener("submit", submitted);
        storeKey(key);
        ui.keyDialog.close();
        state.keyRequest = null;
        resolve(key);
      };
      ui.keyForm.addEventListener("submit", submitted);
    });
    if (!ui.keyDialog.open) ui.keyDialog.showModal();
    ui.keyInput.focus();
    return state.keyRequest;
  }

  // Without a key nothing else works: the dialog stays until one is given.
  ui.keyDialog.addEventListener("cancel", (event) => {
    if (state.keyRequest) event.preventDefault();
  });

  ui.changeKey.addEventListener("click", () => {
    requestKey().then(() => refreshDocuments());
  });

  // Messages ----------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function showBanner(message, kind) {
    ui.banner.textContent = message;
    ui.banner.classList.toggle("info", kind === "info");
    ui.banner.hidden = !message;
  }

  function scrollToEnd() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function addMessage(role) {
    ui.welcome.hidden = true;
    const message = el("div", "message " + role);
    ui.messages.append(message);
    return message;
  }

  function addNotice(text) {
    addMessage("notice").textContent = text;
    scrollToEnd();
  }

  function addUserMessage(question, image) {
    const bubble = el("div", "bubble");
    if (image) {
      const img = el("img");
      img.src = image.dataUrl;
      img.alt = "Attached image: " + image.name;
      bubble.append(img);
    }
    if (question) bubble.append(el("div", "question-text", question));
    addMessage("user").append(bubble);
    scrollToEnd();
  }

  // "page 3", or the label a slide, sheet or section carries ("slide 3", "sheet Zones").
  function sourceWhere(source) {
    if (typeof source.page_label === "string" && source.page_label) return source.page_label;
    return source.page ? `page ${source.page}` : "";
  }

  function sourceLabel(source) {
    let label = source.file || "source";
    const where = sourceWhere(source);
    if (where) label += `, ${where}`;
    if (source.modality && source.modality !== "text") label += ` (${source.modality})`;
    return label;
  }

  // The answer text with each [n] that names a source turned into a button.
  function renderAnswerText(target, text, sources) {
    const byNumber = new Map((sources || []).map((s) => [Number(s.n), s]));
    target.replaceChildren();
    let last = 0;
    for (const match of text.matchAll(MARKER)) {
      const numbers = match[1].split(",").map((n) => Number(n.trim()));
      if (!byNumber.size || !numbers.every((n) => byNumber.has(n))) continue;
      target.append(document.createTextNode(text.slice(last, match.index)));
      for (const n of numbers) target.append(citationChip(byNumber.get(n)));
      last = match.index + match[0].length;
    }
    target.append(document.createTextNode(text.slice(last)));
  }

  function citationChip(source) {
    const chip = el("button", "chip", source.n);
    chip.type = "button";
    chip.dataset.n = source.n;
    chip.setAttribute("aria-label", `Source ${source.n}: ${sourceLabel(source)}`);
    chip.setAttribute("aria-controls", "source-panel");
    chip.setAttribute("aria-expanded", "false");
    chip.title = sourceLabel(source);
    chip.addEventListener("click", () => openSource(source, chip));
    return chip;
  }

  function renderAnswer(container, answer) {
    container.classList.toggle("abstained", Boolean(answer.abstained));
    const textNode = container.querySelector(".answer-text");
    renderAnswerText(textNode, String(answer.answer || ""), answer.sources);

    const sources = Array.isArray(answer.sources) ? answer.sources : [];
    if (sources.length) {
      const list = el("ul", "sources");
      list.setAttribute("aria-label", "Sources");
      for (const source of sources) {
        const item = el("li");
        const link = el("button", "source-link");
        link.type = "button";
        link.setAttribute("aria-controls", "source-panel");
        link.append(el("span", "chip", source.n), el("span", "source-label", sourceLabel(source)));
        link.addEventListener("click", () => openSource(source, link));
        item.append(link);
        list.append(item);
      }
      container.append(list);
    }

    const meta = el("div", "answer-meta");
    if (!answer.abstained && typeof answer.grounding === "number") {
      const grounding = el("span", "grounding", "Grounding " + answer.grounding.toFixed(2));
      grounding.title =
        "Share of the answer's sentences supported by the passages they cite (1.00: all of them).";
      if (answer.grounding < 0.5) grounding.classList.add("low");
      meta.append(grounding);
    }
    const total = answer.timings_ms && answer.timings_ms.total;
    if (typeof total === "number") {
      meta.append(el("span", "timing", total < 1000 ? `${Math.round(total)} ms` : `${(total / 1000).toFixed(1)} s`));
    }
    if (meta.childElementCount) container.append(meta);

    const unsupported = Array.isArray(answer.unsupported) ? answer.unsupported : [];
    if (unsupported.length) {
      const details = el("details", "unsupported");
      const n = unsupported.length;
      details.append(
        el("summary", null, `${n} sentence${n === 1 ? " is" : "s are"} not supported by the cited passages`),
      );
      const list = el("ul");
      for (const sentence of unsupported) list.append(el("li", null, sentence));
      details.append(list);
      container.append(details);
    }
  }

  function renderError(container, error) {
    container.classList.add("error");
    container.replaceChildren(el("div", "answer-text", error.message));
    if (error.type) container.append(el("div", "error-kind", error.type));
  }

  // Asking ------------------------------------------------------------------------------------

  function setBusy(busy) {
    state.busy = busy;
    ui.send.disabled = busy;
    ui.send.textContent = busy ? "Answering…" : "Send";
  }

  async function submitQuestion() {
    if (state.busy) return;
    const question = ui.question.value.trim();
    const image = state.image;
    if (!question && !image) {
      ui.question.focus();
      return;
    }
    const asked = question || "What does this image show?";
    ui.question.value = "";
    autoGrow();
    clearAttachment();
    addUserMessage(question, image);

    const message = addMessage("assistant");
    const bubble = el("div", "bubble answer");
    bubble.setAttribute("aria-busy", "true");
    const text = el("div", "answer-text");
    text.append(el("span", "thinking", "Searching your documents"));
    bubble.append(text);
    message.append(bubble);
    scrollToEnd();

    setBusy(true);
    try {
      const answer = await ask(asked, image, text);
      state.conversationId = answer.conversation_id || state.conversationId;
      renderAnswer(bubble, answer);
    } catch (error) {
      renderError(bubble, error instanceof ApiError ? error : new ApiError(String(error.message || error)));
    } finally {
      bubble.setAttribute("aria-busy", "false");
      setBusy(false);
      scrollToEnd();
      ui.question.focus();
    }
  }

  async function ask(question, image, textNode) {
    const body = { question, stream: true };
    if (state.conversationId) body.conversation_id = state.conversationId;
    if (image) body.image = image.dataUrl;
    const response = await apiFetch("api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
    });
    if (response.status === 404 && body.conversation_id) {
      // The server forgot this conversation (restart, or too many since): start over.
      await response.body?.cancel();
      state.conversationId = null;
      addNotice("The server no longer knows this conversation, so a new one was started.");
      return ask(question, image, textNode);
    }
    if (!response.ok) throw await errorFrom(response);
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("text/event-stream")) return response.json();
    return readAnswerStream(response, textNode);
  }

  // Server-sent events from a POST: "delta" pieces, then one "answer" (or "error").
  async function readAnswerStream(response, textNode) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let streamed = "";
    let answer = null;

    const handle = (event, data) => {
      let payload;
      try {
        payload = JSON.parse(data);
      } catch {
        throw new ApiError("The server sent an answer this page cannot read.", "bad_stream");
      }
      if (event === "delta") {
        streamed += typeof payload.text === "string" ? payload.text : "";
        textNode.textContent = streamed;
        scrollToEnd();
      } else if (event === "answer") {
        answer = payload;
      } else if (event === "error") {
        throw errorFromBody(payload, response.status, "");
      }
    };

    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      buffer = buffer.replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (!line || line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? "" : line.slice(colon + 1);
          if (value.startsWith(" ")) value = value.slice(1);
          if (field === "event") event = value;
          else if (field === "data") data.push(value);
        }
        if (data.length) handle(event, data.join("\n"));
      }
      if (done) break;
    }
    if (!answer) throw new ApiError("The answer stopped before it was complete. Try again.", "incomplete_stream");
    return answer;
  }

  function autoGrow() {
    ui.question.style.height = "auto";
    ui.question.style.height = Math.min(ui.question.scrollHeight + 2, 200) + "px";
  }

  ui.composer.addEventListener("submit", (event) => {
    event.preventDefault();
    submitQuestion();
  });

  ui.question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitQuestion();
    }
  });
  ui.question.addEventListener("input", autoGrow);

  ui.newConversation.addEventListener("click", () => {
    state.conversationId = null;
    closeSource();
    for (const node of [...ui.messages.children]) if (node !== ui.welcome) node.remove();
    ui.welcome.hidden = false;
    ui.question.focus();
  });

  // Attached image ------------------------------------------------------------------------------

  function readAsDataUrl(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  async function attachImage(file) {
    if (!file) return;
    if (!file.type.startsWith("image/")) {
      showBanner(`${file.name} is not an image: attach a PNG, JPEG, GIF or WebP picture.`);
      return;
    }
    if (file.size > MAX_IMAGE_MB * 1024 * 1024) {
      showBanner(`${file.name} is larger than ${MAX_IMAGE_MB} MB: attach a smaller picture.`);
      return;
    }
    const dataUrl = await readAsDataUrl(file);
    state.image = { dataUrl, name: file.name };
    ui.attachmentThumb.src = dataUrl;
    ui.attachmentName.textContent = file.name;
    ui.attachment.hidden = false;
    showBanner("");
  }

  function clearAttachment() {
    state.image = null;
    ui.attachment.hidden = true;
    ui.attachmentThumb.removeAttribute("src");
    ui.attachmentName.textContent = "";
    ui.imageInput.value = "";
  }

  ui.attachImage.addEventListener("click", () => ui.imageInput.click());
  ui.imageInput.addEventListener("change", () => attachImage(ui.imageInput.files[0]));
  ui.removeAttachment.addEventListener("click", () => {
    clearAttachment();
    ui.question.focus();
  });
  ui.question.addEventListener("paste", (event) => {
    const file = [...(event.clipboardData?.files || [])].find((f) => f.type.startsWith("image/"));
    if (file) {
      event.preventDefault();
      attachImage(file);
    }
  });

  // Source panel ---------------------------------------------------------------------------------

  function openSource(source, opener) {
    if (state.sourceOpener) state.sourceOpener.setAttribute("aria-expanded", "false");
    state.sourceOpener = opener;
    opener.setAttribute("aria-expanded", "true");
    ui.sourceTitle.textContent = `Source ${source.n}`;
    ui.sourceFile.textContent = source.file || "—";
    // A PDF page as its number under "Page"; a slide, sheet or section by its label.
    ui.sourcePage.textContent = source.page_label || (source.page ? String(source.page) : "—");
    ui.sourceModality.textContent = source.modality || "text";
    ui.sourceSnippet.textContent = source.snippet || "";
    showPreview(source);
    ui.sourcePanel.hidden = false;
    ui.layout.classList.add("with-source");
    ui.closeSource.focus();
  }

  function closeSource() {
    if (ui.sourcePanel.hidden) return;
    ui.sourcePanel.hidden = true;
    ui.layout.classList.remove("with-source");
    setPreview(null);
    const opener = state.sourceOpener;
    state.sourceOpener = null;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (opener.isConnected) opener.focus();
    }
  }

  function setPreview(url) {
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = url;
    if (url) ui.sourceImage.src = url;
    else ui.sourceImage.removeAttribute("src");
    ui.sourceHighlights.replaceChildren();
  }

  // Where the cited passage sits on a PDF page, as boxes in fractions of the page; none when
  // the page's text layer does not hold it (a scan, a picture) or the lookup fails.
  async function fetchHighlights(source) {
    // Only PDF pages have a text layer to search: a slide or sheet has a label instead.
    if (!source.page || source.page_label || source.image) return [];
    if (!source.doc_id || typeof source.snippet !== "string") return [];
    const quote = source.snippet.replace(/^…\s*/, "").replace(/\s*…$/, "").slice(0, MAX_QUOTE_CHARS);
    if (!quote.trim()) return [];
    const path =
      `api/documents/${encodeURIComponent(source.doc_id)}/pages/${encodeURIComponent(source.page)}` +
      `/highlights?quote=${encodeURIComponent(quote)}`;
    try {
      const body = await apiJson(path);
      return Array.isArray(body.boxes) ? body.boxes : [];
    } catch {
      return [];
    }
  }

  // Percent positions keep the boxes on the passage at whatever size the picture is shown.
  function drawHighlights(boxes) {
    const percent = (fraction) => `${(fraction * 100).toFixed(3)}%`;
    const marks = [];
    for (const box of boxes) {
      const sides = [box.left, box.top, box.width, box.height];
      if (!sides.every((value) => Number.isFinite(value) && value >= 0 && value <= 1)) continue;
      const mark = el("div", "highlight");
      mark.style.left = percent(box.left);
      mark.style.top = percent(box.top);
      mark.style.width = percent(box.width);
      mark.style.height = percent(box.height);
      marks.push(mark);
    }
    ui.sourceHighlights.replaceChildren(...marks);
    return marks.length;
  }

  // Previews need the API key, so they come through fetch rather than a bare <img src>.
  async function showPreview(source) {
    const token = ++state.previewToken;
    setPreview(null);
    const url = typeof source.preview_url === "string" ? source.preview_url : "";
    // Only this server's own paths: a preview is never fetched from elsewhere.
    if (!url.startsWith("/") || url.startsWith("//")) {
      ui.sourceFigure.hidden = true;
      return;
    }
    const what =
      source.page && !source.image ? `Page ${source.page} of ${source.file}` : `Picture from ${source.file}`;
    ui.sourceFigure.hidden = false;
    ui.sourceImage.alt = what;
    ui.sourceCaption.textContent = "Loading the preview…";
    const highlights = fetchHighlights(source);
    try {
      const response = await apiFetch(url);
      if (!response.ok) throw await errorFrom(response);
      const blob = await response.blob();
      if (token !== state.previewToken) return;
      setPreview(URL.createObjectURL(blob));
      ui.sourceCaption.textContent = what;
      const boxes = await highlights;
      if (token !== state.previewToken) return;
      if (drawHighlights(boxes)) ui.sourceCaption.textContent = `${what}, with the passage highlighted`;
    } catch (error) {
      if (token !== state.previewToken) return;
      ui.sourceCaption.textContent = "The preview could not be loaded: " + error.message;
    }
  }

  ui.closeSource.addEventListener("click", closeSource);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !ui.sourcePanel.hidden && !ui.keyDialog.open) closeSource();
  });

  // Uploads ------------------------------------------------------------------------------------

  const STATUS_CLASS = { ingested: "ok", replaced: "ok", unchanged: "same", duplicate: "same", failed: "failed" };

  function showUploadResults(results) {
    ui.uploadResults.replaceChildren();
    for (const result of results || []) {
      const item = el("li");
      item.append(el("span", "file-name", result.file), document.createTextNode(": "));
      item.append(el("span", "status " + (STATUS_CLASS[result.status] || ""), result.status));
      if (result.reason) item.append(document.createTextNode(` (${result.reason})`));
      else if (typeof result.chunks === "number" && result.status !== "failed") {
        item.append(document.createTextNode(`, ${result.chunks} chunk${result.chunks === 1 ? "" : "s"}`));
      }
      ui.uploadResults.append(item);
    }
  }

  function send(files) {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      for (const file of files) form.append("files", file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "api/documents");
      if (state.key) xhr.setRequestHeader("Authorization", "Bearer " + state.key);
      xhr.responseType = "json";
      xhr.upload.onprogress = (event) => {
        if (!event.lengthComputable) return;
        const percent = Math.round((event.loaded / event.total) * 100);
        ui.uploadProgress.value = percent;
        ui.uploadLabel.textContent = percent < 100 ? `Uploading… ${percent}%` : "Indexing…";
      };
      xhr.upload.onload = () => {
        ui.uploadProgress.value = 100;
        ui.uploadLabel.textContent = "Indexing…";
      };
      xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, body: xhr.response });
      xhr.onerror = () => reject(new ApiError("The upload failed: the server could not be reached.", "network"));
      xhr.send(form);
    });
  }

  async function upload(fileList) {
    const files = [...fileList].filter((f) => f && f.size >= 0);
    if (!files.length) return;
    const total = files.reduce((sum, f) => sum + f.size, 0);
    ui.uploadStatus.hidden = false;
    ui.uploadResults.replaceChildren();
    ui.uploadProgress.value = 0;
    if (state.maxUploadMb && total > state.maxUploadMb * 1024 * 1024) {
      ui.uploadLabel.textContent = `Too large: one upload may hold up to ${state.maxUploadMb} MB; send fewer or smaller files.`;
      return;
    }
    const names = files.length === 1 ? files[0].name : `${files.length} files`;
    ui.uploadLabel.textContent = `Uploading ${names}…`;
    try {
      if (state.authRequired && !state.key) await requestKey();
      let reply = await send(files);
      while (reply.status === 401) {
        const error = errorFromBody(reply.body, 401, reply.statusText);
        storeKey(null);
        await requestKey(error.message);
        reply = await send(files);
      }
      const body = reply.body && typeof reply.body === "object" ? reply.body : {};
      if (reply.status >= 200 && reply.status < 300) {
        const ingested = body.ingested ?? 0;
        const failed = body.failed ?? 0;
        ui.uploadLabel.textContent = failed
          ? `Done: ${ingested} added, ${failed} failed.`
          : `Done: ${ingested} added.`;
      } else {
        ui.uploadLabel.textContent = errorFromBody(body, reply.status, reply.statusText).message;
      }
      showUploadResults(body.results);
    } catch (error) {
      ui.uploadLabel.textContent = error.message;
    } finally {
      ui.fileInput.value = "";
      refreshDocuments();
    }
  }

  ui.chooseFiles.addEventListener("click", () => ui.fileInput.click());
  ui.fileInput.addEventListener("change", () => upload(ui.fileInput.files));

  let dragDepth = 0;
  ui.dropZone.addEventListener("dragenter", (event) => {
    event.preventDefault();
    dragDepth += 1;
    ui.dropZone.classList.add("dragging");
  });
  ui.dropZone.addEventListener("dragover", (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  ui.dropZone.addEventListener("dragleave", () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) ui.dropZone.classList.remove("dragging");
  });
  ui.dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation();
    dragDepth = 0;
    ui.dropZone.classList.remove("dragging");
    if (event.dataTransfer?.files?.length) upload(event.dataTransfer.files);
  });
  // A file dropped anywhere else must not make the browser leave the page to open it.
  for (const name of ["dragover", "drop"]) {
    window.addEventListener(name, (event) => {
      if (event.dataTransfer?.types?.includes("Files")) event.preventDefault();
    });
  }

  // Documents ----------------------------------------------------------------------------------

  async function refreshDocuments() {
    try {
      const body = await apiJson("api/documents");
      renderDocuments(Array.isArray(body.documents) ? body.documents : []);
    } catch (error) {
      showBanner("The document list could not be loaded: " + error.message);
    }
  }

  function renderDocuments(documents) {
    documents.sort((a, b) => String(a.file).localeCompare(String(b.file)));
    ui.documents.replaceChildren();
    ui.documentsEmpty.hidden = documents.length > 0;
    for (const doc of documents) {
      const item = el("li");
      item.dataset.docId = doc.doc_id;
      const text = el("div", "doc-text");
      const name = el("span", "doc-name", doc.file);
      name.title = doc.path || doc.file;
      const parts = [doc.kind];
      if (doc.pages) parts.push(`${doc.pages} page${doc.pages === 1 ? "" : "s"}`);
      if (typeof doc.chunks === "number") parts.push(`${doc.chunks} chunk${doc.chunks === 1 ? "" : "s"}`);
      text.append(name, el("span", "doc-meta", parts.filter(Boolean).join(" · ")));
      const remove = el("button", "button ghost small danger", "Remove");
      remove.type = "button";
      remove.setAttribute("aria-label", `Remove ${doc.file} from the index`);
      remove.addEventListener("click", () => removeDocument(doc, remove));
      item.append(text, remove);
      ui.documents.append(item);
    }
  }

  async function removeDocument(doc, button) {
    if (!window.confirm(`Remove ${doc.file} from the index?`)) return;
    button.disabled = true;
    try {
      await apiJson("api/documents/" + encodeURIComponent(doc.doc_id), { method: "DELETE" });
    } catch (error) {
      showBanner(`${doc.file} could not be removed: ${error.message}`);
    }
    refreshDocuments();
  }

  ui.refreshDocuments.addEventListener("click", refreshDocuments);

  ui.toggleLibrary.addEventListener("click", () => {
    const open = ui.library.classList.toggle("open");
    ui.toggleLibrary.setAttribute("aria-expanded", String(open));
  });

  // Start ----------------------------------------------------------------------------------------

  async function start() {
    let info;
    try {
      const response = await fetch("api/info");
      if (!response.ok) throw await errorFrom(response);
      info = await response.json();
    } catch (error) {
      showBanner("The server could not be reached: " + error.message);
      return;
    }
    state.authRequired = Boolean(info.auth_required);
    state.maxUploadMb = typeof info.max_upload_mb === "number" ? info.max_upload_mb : null;
    if (state.maxUploadMb) ui.uploadLimit.textContent = `, up to ${state.maxUploadMb} MB`;
    ui.changeKey.hidden = !state.authRequired;
    if (state.authRequired && !state.key) await requestKey();
    await refreshDocuments();
    document.documentElement.dataset.ready = "true";
    ui.question.focus();
  }

  start();
})();
