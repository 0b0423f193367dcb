// GET /?d=90s answers {"ms":90000}: the ms package, served by Node's own HTTP server.
const http = require("http");
const ms = require("ms");

const port = Number(process.env.PORT || 8080);

http
  .createServer((req, res) => {
    const d = new URL(req.url, "http://localhost").searchParams.get("d") || "";
    const value = ms(d);
    res.writeHead(value === undefined ? 400 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(value === undefined ? { error: "not a duration: " + d } : { ms: value }) + "\n");
  })
  .listen(port, () => console.log("listening on " + port));
