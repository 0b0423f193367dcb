"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const request = require("supertest");
const { createApp } = require("../src/app");

test("notes can be created, read, searched, changed and deleted", async () => {
  const app = createApp();
  const created = await request(app).post("/api/notes").send({ title: "hello", tags: ["greeting"] }).expect(201);
  const id = created.body.id;
  await request(app).get(`/api/notes/${id}`).expect(200).expect((r) => assert.equal(r.body.title, "hello"));
  await request(app).get("/api/notes?tag=greeting").expect(200).expect((r) => assert.equal(r.body.length, 1));
  await request(app).patch(`/api/notes/${id}`).send({ body: "world" }).expect(200).expect((r) => assert.equal(r.body.body, "world"));
  await request(app).get("/api/tags").expect(200, { greeting: 1 });
  await request(app).delete(`/api/notes/${id}`).expect(204);
  await request(app).get(`/api/notes/${id}`).expect(404);
});

test("bad input is a 400 with a message", async () => {
  const app = createApp();
  await request(app).post("/api/notes").send({ title: "" }).expect(400).expect((r) => assert.match(r.body.error, /title/));
  await request(app).post("/api/notes").set("content-type", "application/json").send("{").expect(400);
});

test("health check", async () => {
  await request(createApp()).get("/healthz").expect(200, "ok\n");
});
