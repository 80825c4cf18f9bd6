"""Moves by month, asked of the talent graph (a mixin of TalentGraph).

A move's month is the month of the brief that reports it (its date on this site): the
month a move took effect is what the brief says, often not stated. A move whose brief is
not published has no month.
"""


class MovesByMonth:
    """Questions about moves grouped by the month of their brief, newest month first."""

    def month_of(self, move):
        """(year, month) of the brief that reports `move`, or None."""
        slug = self.brief_of(move)
        return (self.briefs[slug].date.year, self.briefs[slug].date.month) if slug else None

    def moves_by_month(self):
        """{(year, month): [moves]}, newest month first, each month's moves newest brief first."""
        if not hasattr(self, "_months_cache"):
            months = {}
            for move in self.moves_newest_first():
                month = self.month_of(move)
                if month:
                    months.setdefault(month, []).append(move)
            self._months_cache = months
        return self._months_cache

    def company_months(self, company_slug):
        """[(year, month, number of moves)] of a company's moves (`company_moves`), newest first."""
        counts = {}
        for move in self.company_moves(company_slug):
            month = self.month_of(move)
            if month:
                counts[month] = counts.get(month, 0) + 1
        return [(year, month, count) for (year, month), count in counts.items()]
