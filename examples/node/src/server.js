"use strict";
// Starts the notes API; stops cleanly on SIGTERM and SIGINT.
const { createApp } = require("./app");

const port = Number(process.env.PORT || 3000);
const server = createApp().listen(port, () => console.log(`listening on ${port}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
