import io
import json
import unittest
from wsgiref.util import setup_testing_defaults

from splitter.web import create_app


def call(app, method, path, body=b""):
    env = {"REQUEST_METHOD": method, "PATH_INFO": path, "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)}
    setup_testing_defaults(env)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = int(status.split()[0])

    out = b"".join(app(env, start_response))
    return seen["status"], out


class WebTest(unittest.TestCase):
    def setUp(self):
        self.app = create_app()

    def test_settles_expenses(self):
        body = json.dumps({"expenses": [{"payer": "ann", "amount": "9", "shared_by": ["ann", "bob", "cy"]}]}).encode()
        status, out = call(self.app, "POST", "/api/settle", body)
        self.assertEqual(status, 200)
        result = json.loads(out)
        self.assertEqual(result["balances"], {"ann": "6.00", "bob": "-3.00", "cy": "-3.00"})
        self.assertEqual(len(result["payments"]), 2)

    def test_bad_input_is_a_400(self):
        for body in [b"{", b"[]", json.dumps({"expenses": [{"payer": "a"}]}).encode()]:
            status, out = call(self.app, "POST", "/api/settle", body)
            self.assertEqual(status, 400, body)
            self.assertIn("error", json.loads(out))

    def test_health(self):
        self.assertEqual(call(self.app, "GET", "/healthz"), (200, b"ok\n"))


if __name__ == "__main__":
    unittest.main()
