"""Dates nobody in the Benelux misreads (``FORMAT_MODULE_PATH``).

Day before month, or the month spelled out, in every language: a due date is never written
``01/02/2027``. Short forms ("2 Jan 2027", what admin listings use) spell the month; long
forms follow each language ("1 January 2027", "1 januari 2027", "1 janvier 2027"). Times
are on the 24-hour clock. Each language module takes Django's own and changes only these.
"""
