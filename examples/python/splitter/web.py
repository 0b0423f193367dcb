"""The HTTP API (Bottle): POST a list of expenses, get balances and payments back."""

import json

from bottle import Bottle, HTTPResponse, request, response

from .settle import Expense, ExpenseError, balances, settle

MAX_EXPENSES = 1000


def _error(status, message):
    return HTTPResponse(status=status, body=json.dumps({"error": message}), headers={"Content-Type": "application/json"})


def create_app():
    app = Bottle()

    @app.get("/healthz")
    def health():
        response.content_type = "text/plain; charset=utf-8"
        return "ok\n"

    @app.post("/api/settle")
    def settle_expenses():
        try:
            body = json.loads(request.body.read() or b"null")
        except ValueError as e:
            return _error(400, f"invalid JSON: {e}")
        raw = body.get("expenses") if isinstance(body, dict) else None
        if not isinstance(raw, list):
            return _error(400, 'send {"expenses": [...]}')
        if len(raw) > MAX_EXPENSES:
            return _error(413, f"at most {MAX_EXPENSES} expenses")
        try:
            expenses = [Expense.parse(e, i) for i, e in enumerate(raw)]
        except ExpenseError as e:
            return _error(400, str(e))
        response.content_type = "application/json"
        return json.dumps(
            {
                "balances": {p: str(b) for p, b in balances(expenses).items()},
                "payments": [{"from": d, "to": c, "amount": str(a)} for d, c, a in settle(expenses)],
            }
        )

    return app
