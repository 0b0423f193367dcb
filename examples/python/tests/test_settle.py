import unittest
from decimal import Decimal

from splitter.settle import Expense, ExpenseError, balances, settle, shares


def expense(payer, amount, *shared):
    return Expense.parse({"payer": payer, "amount": amount, "shared_by": list(shared) or [payer]})


class SharesTest(unittest.TestCase):
    def test_odd_cents_go_to_the_first_people(self):
        self.assertEqual(shares(Decimal("10.00"), ["a", "b", "c"]), {"a": Decimal("3.34"), "b": Decimal("3.33"), "c": Decimal("3.33")})

    def test_shares_add_up(self):
        for amount in ["0.01", "0.05", "99.99", "100.00", "7.13"]:
            for n in range(1, 8):
                people = [str(i) for i in range(n)]
                self.assertEqual(sum(shares(Decimal(amount), people).values()), Decimal(amount))


class SettleTest(unittest.TestCase):
    def test_balances_sum_to_zero(self):
        es = [expense("ann", "30", "ann", "bob", "cy"), expense("bob", "12.50", "bob", "cy")]
        b = balances(es)
        self.assertEqual(sum(b.values()), 0)
        self.assertEqual(b, {"ann": Decimal("20"), "bob": Decimal("-3.75"), "cy": Decimal("-16.25")})

    def test_payments_settle_every_balance(self):
        es = [expense("ann", "60", "ann", "bob", "cy", "dee"), expense("bob", "20", "cy", "dee"), expense("cy", "5", "ann")]
        payments = settle(es)
        left = dict(balances(es))
        for debtor, creditor, amount in payments:
            left[debtor] += amount
            left[creditor] -= amount
        self.assertTrue(all(v == 0 for v in left.values()), left)
        self.assertLessEqual(len(payments), len(left) - 1)

    def test_nothing_to_settle(self):
        self.assertEqual(settle([expense("ann", "10")]), [])


class ParseTest(unittest.TestCase):
    def test_rejects_bad_expenses(self):
        for raw in [None, {}, {"payer": "a", "amount": "x"}, {"payer": "a", "amount": -1}, {"payer": "a", "amount": "1.001"},
                    {"payer": "a", "amount": 1, "shared_by": []}, {"payer": " ", "amount": 1}, {"payer": "a", "amount": "NaN"}]:
            with self.assertRaises(ExpenseError, msg=repr(raw)):
                Expense.parse(raw)

    def test_names_are_trimmed_and_deduplicated(self):
        e = Expense.parse({"payer": " ann ", "amount": 3, "shared_by": ["bob", "bob ", "ann"]})
        self.assertEqual((e.payer, e.shared_by), ("ann", ("bob", "ann")))


if __name__ == "__main__":
    unittest.main()
