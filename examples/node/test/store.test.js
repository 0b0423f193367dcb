"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { NoteStore, ValidationError } = require("../src/store");

const fixedClock = () => new Date("2026-01-02T03:04:05Z");

test("create assigns ids and normalises tags", () => {
  const s = new NoteStore(fixedClock);
  const a = s.create({ title: "  first ", tags: ["b", "a", "b"] });
  const b = s.create({ title: "second", body: "text" });
  assert.equal(a.id, 1);
  assert.equal(b.id, 2);
  assert.equal(a.title, "first");
  assert.deepEqual(a.tags, ["a", "b"]);
  assert.equal(a.created, "2026-01-02T03:04:05.000Z");
});

test("validation rejects bad notes", () => {
  const s = new NoteStore(fixedClock);
  for (const bad of [null, [], {}, { title: "" }, { title: "x".repeat(121) }, { title: "t", tags: ["Upper"] }, { title: "t", body: 5 }]) {
    assert.throws(() => s.create(bad), ValidationError, JSON.stringify(bad));
  }
});

test("search matches every word and the tag, newest first", () => {
  const s = new NoteStore(fixedClock);
  s.create({ title: "Buy milk", body: "and bread", tags: ["shopping"] });
  s.create({ title: "Read", body: "the milk book", tags: ["books"] });
  s.create({ title: "Milk again", tags: ["shopping"] });
  assert.deepEqual(s.search({ q: "milk" }).map((n) => n.id), [3, 2, 1]);
  assert.deepEqual(s.search({ q: "MILK bread" }).map((n) => n.id), [1]);
  assert.deepEqual(s.search({ tag: "shopping" }).map((n) => n.id), [3, 1]);
  assert.deepEqual(s.tagCounts(), { shopping: 2, books: 1 });
});

test("update changes only the given fields", () => {
  const s = new NoteStore(fixedClock);
  const n = s.create({ title: "t", body: "b", tags: ["x"] });
  const u = s.update(n.id, { body: "new" });
  assert.equal(u.title, "t");
  assert.equal(u.body, "new");
  assert.deepEqual(u.tags, ["x"]);
  assert.equal(s.update(99, { body: "x" }), undefined);
  assert.equal(s.remove(n.id), true);
  assert.equal(s.remove(n.id), false);
});
