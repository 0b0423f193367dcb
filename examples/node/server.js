// A minimal HTTP service: answers every request with a greeting and the time.
const http = require("http");

const port = Number(process.env.PORT || 3000);

http
  .createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`hello from stowage's example at ${new Date().toISOString()}\n`);
  })
  .listen(port, () => console.log(`listening on ${port}`));
