"use strict";
// The HTTP API over a NoteStore.
const express = require("express");
const { NoteStore, ValidationError } = require("./store");

function createApp(store = new NoteStore()) {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "32kb" }));

  app.get("/healthz", (req, res) => res.type("text/plain").send("ok\n"));

  app.get("/api/notes", (req, res) => {
    const { q, tag } = req.query;
    res.json(store.search({ q: typeof q === "string" ? q : "", tag: typeof tag === "string" ? tag : undefined }));
  });

  app.post("/api/notes", (req, res) => {
    res.status(201).json(store.create(req.body));
  });

  app.get("/api/notes/:id", (req, res) => {
    const note = store.get(req.params.id);
    return note ? res.json(note) : res.status(404).json({ error: "no such note" });
  });

  app.patch("/api/notes/:id", (req, res) => {
    const note = store.update(req.params.id, req.body);
    return note ? res.json(note) : res.status(404).json({ error: "no such note" });
  });

  app.delete("/api/notes/:id", (req, res) => {
    return store.remove(req.params.id) ? res.status(204).end() : res.status(404).json({ error: "no such note" });
  });

  app.get("/api/tags", (req, res) => res.json(store.tagCounts()));

  // Errors: validation and malformed JSON are the client's; anything else is ours.
  app.use((err, req, res, next) => {
    if (err instanceof ValidationError) {
      return res.status(400).json({ error: err.message });
    }
    if (err.type === "entity.parse.failed" || err.type === "entity.too.large") {
      return res.status(err.status).json({ error: err.message });
    }
    return next(err);
  });
  return app;
}

module.exports = { createApp };
