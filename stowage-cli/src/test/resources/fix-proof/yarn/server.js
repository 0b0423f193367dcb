// GET /?n=1536 answers {"size":"1.5KB"}: the bytes package, served by Node's own HTTP server.
const http = require("http");
const bytes = require("bytes");

const port = Number(process.env.PORT || 8080);

http
  .createServer((req, res) => {
    const n = Number(new URL(req.url, "http://localhost").searchParams.get("n"));
    const ok = Number.isFinite(n) && n >= 0;
    res.writeHead(ok ? 200 : 400, { "content-type": "application/json" });
    res.end(JSON.stringify(ok ? { size: bytes(n) } : { error: "not a byte count" }) + "\n");
  })
  .listen(port, () => console.log("listening on " + port));
