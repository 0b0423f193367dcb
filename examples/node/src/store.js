"use strict";
// An in-memory store of notes with validation, tags and search.

const MAX_TITLE = 120;
const MAX_BODY = 10000;
const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;

class ValidationError extends Error {}

function validate(input, partial = false) {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new ValidationError("a note is a JSON object");
  }
  const out = {};
  if (!partial || input.title !== undefined) {
    if (typeof input.title !== "string" || input.title.trim() === "") {
      throw new ValidationError("title is a non-empty string");
    }
    if (input.title.length > MAX_TITLE) {
      throw new ValidationError(`title has at most ${MAX_TITLE} characters`);
    }
    out.title = input.title.trim();
  }
  if (input.body !== undefined || !partial) {
    const body = input.body === undefined ? "" : input.body;
    if (typeof body !== "string" || body.length > MAX_BODY) {
      throw new ValidationError(`body is a string of at most ${MAX_BODY} characters`);
    }
    out.body = body;
  }
  if (input.tags !== undefined || !partial) {
    const tags = input.tags === undefined ? [] : input.tags;
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string" && TAG.test(t))) {
      throw new ValidationError("tags are lower-case words of letters, digits and '-'");
    }
    out.tags = [...new Set(tags)].sort();
  }
  return out;
}

class NoteStore {
  constructor(clock = () => new Date()) {
    this.clock = clock;
    this.notes = new Map();
    this.nextId = 1;
  }

  create(input) {
    const fields = validate(input);
    const now = this.clock().toISOString();
    const note = { id: this.nextId++, ...fields, created: now, updated: now };
    this.notes.set(note.id, note);
    return { ...note };
  }

  get(id) {
    const note = this.notes.get(Number(id));
    return note ? { ...note } : undefined;
  }

  update(id, input) {
    const note = this.notes.get(Number(id));
    if (!note) {
      return undefined;
    }
    Object.assign(note, validate(input, true), { updated: this.clock().toISOString() });
    return { ...note };
  }

  remove(id) {
    return this.notes.delete(Number(id));
  }

  // Notes whose title or body contains every word of q (case-insensitive) and that
  // carry tag, newest first.
  search({ q = "", tag } = {}) {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return [...this.notes.values()]
      .filter((n) => tag === undefined || n.tags.includes(tag))
      .filter((n) => {
        const text = `${n.title}\n${n.body}`.toLowerCase();
        return words.every((w) => text.includes(w));
      })
      .sort((a, b) => b.id - a.id)
      .map((n) => ({ ...n }));
  }

  tagCounts() {
    const counts = {};
    for (const n of this.notes.values()) {
      for (const t of n.tags) {
        counts[t] = (counts[t] || 0) + 1;
      }
    }
    return counts;
  }
}

module.exports = { NoteStore, ValidationError, validate };
