"""Split shared expenses: who owes whom, in as few payments as the balances allow."""
