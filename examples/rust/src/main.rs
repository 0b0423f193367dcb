//! linecount: an HTTP service that counts the lines, words and bytes of a posted text.
//!
//! ```text
//! POST /count              body: any text -> 200 {"lines":N,"words":N,"bytes":N}
//! POST /count?match=REGEX  the same and "matching": the lines REGEX finds a match in
//! GET  /healthz                           -> 200 ok
//! ```
//!
//! One thread per connection, standard library networking; `memchr` finds the line ends,
//! `regex` matches the lines, `itoa` writes the numbers.

use std::env;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

use regex::bytes::Regex;

/// The largest body accepted, in bytes.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// What was counted in one text.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    lines: usize,
    words: usize,
    bytes: usize,
}

/// Lines are line ends, as `wc -l` counts them; words are runs of non-whitespace bytes.
fn count(text: &[u8]) -> Counts {
    let lines = memchr::memchr_iter(b'\n', text).count();
    let mut words = 0;
    let mut in_word = false;
    for &b in text {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    Counts { lines, words, bytes: text.len() }
}

/// The lines of `text` (the last one may lack its line end) in which `re` finds a match.
fn matching_lines(text: &[u8], re: &Regex) -> usize {
    let mut n = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len())) {
        if end > start || end < text.len() {
            if re.is_match(&text[start..end]) {
                n += 1;
            }
        }
        start = end + 1;
        if start > text.len() {
            break;
        }
    }
    n
}

/// A query value with `+` and `%XX` decoded; None when an escape is malformed or not UTF-8.
fn percent_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn to_json(c: &Counts, matching: Option<usize>) -> String {
    let mut buf = itoa::Buffer::new();
    let mut out = String::from("{\"lines\":");
    out.push_str(buf.format(c.lines));
    out.push_str(",\"words\":");
    out.push_str(buf.format(c.words));
    out.push_str(",\"bytes\":");
    out.push_str(buf.format(c.bytes));
    if let Some(m) = matching {
        out.push_str(",\"matching\":");
        out.push_str(buf.format(m));
    }
    out.push('}');
    out
}

fn respond(stream: &mut TcpStream, status: &str, content_type: &str, body: &str) -> io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn handle(mut stream: TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(usize::MAX);
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    match (method, path) {
        ("GET", "/healthz") => respond(&mut stream, "200 OK", "text/plain", "ok\n"),
        ("POST", "/count") if length > MAX_BODY => {
            respond(&mut stream, "413 Payload Too Large", "text/plain", "too large\n")
        }
        ("POST", "/count") => {
            let pattern = query.split('&').find_map(|kv| kv.strip_prefix("match="));
            let re = match pattern.map(|p| percent_decode(p).and_then(|p| Regex::new(&p).ok())) {
                Some(None) => return respond(&mut stream, "400 Bad Request", "text/plain", "bad match pattern\n"),
                Some(Some(re)) => Some(re),
                None => None,
            };
            let mut body = vec![0; length];
            reader.read_exact(&mut body)?;
            let matching = re.map(|re| matching_lines(&body, &re));
            let json = to_json(&count(&body), matching) + "\n";
            respond(&mut stream, "200 OK", "application/json", &json)
        }
        _ => respond(&mut stream, "404 Not Found", "text/plain", "not found\n"),
    }
}

fn main() -> io::Result<()> {
    let addr = env::var("ADDR").unwrap_or_else(|_| "0.0.0.0:8080".to_string());
    let listener = TcpListener::bind(&addr)?;
    println!("listening on {addr}");
    for stream in listener.incoming() {
        match stream {
            Ok(s) => {
                thread::spawn(move || {
                    if let Err(e) = handle(s) {
                        eprintln!("connection: {e}");
                    }
                });
            }
            Err(e) => eprintln!("accept: {e}"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_like_wc() {
        assert_eq!(count(b"one two\nthree\n"), Counts { lines: 2, words: 3, bytes: 14 });
        assert_eq!(count(b""), Counts { lines: 0, words: 0, bytes: 0 });
        assert_eq!(count(b"  no end of line"), Counts { lines: 0, words: 4, bytes: 16 });
    }

    #[test]
    fn writes_json() {
        let c = Counts { lines: 1, words: 22, bytes: 333 };
        assert_eq!(to_json(&c, None), "{\"lines\":1,\"words\":22,\"bytes\":333}");
        assert_eq!(to_json(&c, Some(4)), "{\"lines\":1,\"words\":22,\"bytes\":333,\"matching\":4}");
    }

    #[test]
    fn matches_lines_including_a_last_one_without_its_line_end() {
        let re = Regex::new("^err").unwrap();
        assert_eq!(matching_lines(b"error one\nok\nerror two", &re), 2);
        assert_eq!(matching_lines(b"", &re), 0);
        assert_eq!(matching_lines(b"\n\n", &Regex::new("^$").unwrap()), 2);
    }

    #[test]
    fn decodes_query_values() {
        assert_eq!(percent_decode("a%5Eb+c").as_deref(), Some("a^b c"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%4"), None);
    }
}
