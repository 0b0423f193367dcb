"""Balances and settlements of a list of shared expenses, in exact decimal amounts."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

CENT = Decimal("0.01")


class ExpenseError(ValueError):
    """An expense that cannot be settled (the message says why)."""


@dataclass(frozen=True)
class Expense:
    payer: str
    amount: Decimal
    shared_by: tuple

    @staticmethod
    def parse(raw, index=0):
        """An Expense from a JSON object {"payer", "amount", "shared_by"}."""
        where = f"expense {index + 1}"
        if not isinstance(raw, dict):
            raise ExpenseError(f"{where}: an expense is an object")
        payer = raw.get("payer")
        if not isinstance(payer, str) or not payer.strip():
            raise ExpenseError(f"{where}: payer is a non-empty name")
        try:
            amount = Decimal(str(raw.get("amount")))
        except InvalidOperation:
            raise ExpenseError(f"{where}: amount is a number") from None
        if not amount.is_finite() or amount <= 0:
            raise ExpenseError(f"{where}: amount is a positive number")
        if amount != amount.quantize(CENT):
            raise ExpenseError(f"{where}: amount has at most two decimals")
        shared = raw.get("shared_by", [payer])
        if not isinstance(shared, list) or not shared or not all(isinstance(s, str) and s.strip() for s in shared):
            raise ExpenseError(f"{where}: shared_by is a non-empty list of names")
        names = tuple(dict.fromkeys(s.strip() for s in shared))
        return Expense(payer.strip(), amount, names)


def shares(amount, people):
    """amount split into len(people) cent amounts that add up exactly; earlier people pay the odd cents."""
    n = len(people)
    base = (amount / n).quantize(CENT, rounding="ROUND_DOWN")
    left = int(((amount - base * n) / CENT).to_integral_value(ROUND_HALF_EVEN))
    return {p: base + (CENT if i < left else 0) for i, p in enumerate(people)}


def balances(expenses):
    """Each person's balance: positive is owed money, negative owes money. Sums to zero."""
    out = {}
    for e in expenses:
        out[e.payer] = out.get(e.payer, Decimal(0)) + e.amount
        for person, share in shares(e.amount, e.shared_by).items():
            out[person] = out.get(person, Decimal(0)) - share
    return {p: b for p, b in sorted(out.items())}


def settle(expenses):
    """Payments (debtor, creditor, amount) that bring every balance to zero.

    Greedy: the largest debtor pays the largest creditor, so there are at most
    people - 1 payments.
    """
    owed = balances(expenses)
    debtors = sorted(((-b, p) for p, b in owed.items() if b < 0), reverse=True)
    creditors = sorted(((b, p) for p, b in owed.items() if b > 0), reverse=True)
    payments = []
    while debtors and creditors:
        debt, debtor = debtors[0]
        credit, creditor = creditors[0]
        paid = min(debt, credit)
        payments.append((debtor, creditor, paid))
        debtors[0] = (debt - paid, debtor)
        creditors[0] = (credit - paid, creditor)
        debtors = sorted((d for d in debtors if d[0] > 0), reverse=True)
        creditors = sorted((c for c in creditors if c[0] > 0), reverse=True)
    return payments
