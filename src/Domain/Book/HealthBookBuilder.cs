using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Book;

/// <summary>
/// Builds a person's <see cref="HealthBookView"/> from every accepted dossier version (<see cref="BookEntry"/>), in any order:
/// <list type="bullet">
/// <item>the latest version of each (MA_CSKCB, MA_LK) is the visit in the book; earlier versions are listed as superseded;</item>
/// <item>an episode whose latest version is cancelled leaves the book (visits, diagnoses, administrative facts, appointments)
/// and is listed as cancelled;</item>
/// <item>visits are ordered by arrival time, then facility code, then MA_LK (ordinal);</item>
/// <item>each administrative field comes from the most recent visit (by arrival, then acceptance) whose dossier states it;</item>
/// <item>the diagnosis history merges main and secondary codes (dotted or not) with first and last seen;</item>
/// <item>upcoming re-exams are the appointments dated on or after today (Vietnam calendar), from every facility, ordered by date.</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
public static class HealthBookBuilder
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Builds the book as of <paramref name="now"/> (converted to the Vietnam calendar date).</summary>
    public static HealthBookView Build(IEnumerable<BookEntry> entries, DateTimeOffset now) =>
        Build(entries, DateOnly.FromDateTime(now.ToOffset(VietnamOffset).DateTime));

    /// <summary>Builds the book; <paramref name="today"/> is the Vietnam calendar date that separates upcoming appointments.</summary>
    public static HealthBookView Build(IEnumerable<BookEntry> entries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entries);

        var current = new List<BookEntry>();
        var superseded = new List<BookVersionRef>();
        var cancelled = new List<BookVersionRef>();
        foreach (var episode in entries.GroupBy(e => (e.Visit.FacilityCode, e.Visit.MaLk)))
        {
            // One entry per version (a repeated version keeps its latest acceptance), newest version last.
            var versions = episode
                .GroupBy(e => e.Visit.Version)
                .Select(g => g.MaxBy(e => e.AcceptedAt)!)
                .OrderBy(e => e.Visit.Version)
                .ThenBy(e => e.AcceptedAt)
                .ToList();
            var latest = versions[^1];
            foreach (var earlier in versions.Take(versions.Count - 1))
            {
                superseded.Add(Ref(earlier, latest.Visit.Version));
            }

            if (latest.Cancelled)
            {
                cancelled.Add(Ref(latest, null));
            }
            else
            {
                current.Add(latest);
            }
        }

        current.Sort(CompareByArrival);
        superseded.Sort(static (a, b) => CompareKey(a.FacilityCode, a.MaLk, a.Version, b.FacilityCode, b.MaLk, b.Version));
        cancelled.Sort(static (a, b) => CompareKey(a.FacilityCode, a.MaLk, a.Version, b.FacilityCode, b.MaLk, b.Version));

        return new HealthBookView(
            Administrative(current),
            [.. current.Select(e => e.Visit)],
            History(current),
            Upcoming(current, today),
            superseded,
            cancelled,
            today);
    }

    private static BookVersionRef Ref(BookEntry e, int? replacedBy) =>
        new(e.Visit.FacilityCode, e.Visit.MaLk, e.Visit.Version, e.Visit.ContentHash, e.AcceptedAt, e.Visit.ArrivalTime, replacedBy);

    private static int CompareByArrival(BookEntry a, BookEntry b)
    {
        var c = a.Visit.ArrivalTime.CompareTo(b.Visit.ArrivalTime);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Visit.FacilityCode, b.Visit.FacilityCode);
        return c != 0 ? c : string.CompareOrdinal(a.Visit.MaLk, b.Visit.MaLk);
    }

    private static int CompareKey(string facilityA, string maLkA, int versionA, string facilityB, string maLkB, int versionB)
    {
        var c = string.CompareOrdinal(facilityA, facilityB);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(maLkA, maLkB);
        return c != 0 ? c : versionA.CompareTo(versionB);
    }

    private static BookAdministrative Administrative(List<BookEntry> byArrival)
    {
        // Oldest first, so that a later statement overrides an earlier one; ties in arrival go by acceptance.
        var ordered = byArrival
            .OrderBy(e => e.Visit.ArrivalTime)
            .ThenBy(e => e.AcceptedAt)
            .ThenBy(e => e.Visit.FacilityCode, StringComparer.Ordinal)
            .ThenBy(e => e.Visit.MaLk, StringComparer.Ordinal)
            .Select(e => e.Admin);

        var book = BookAdministrative.Empty;
        var cards = new Dictionary<string, BookCard>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in ordered)
        {
            book = book with
            {
                FullName = Take(book.FullName, u.FullName, u),
                BirthDate = Take(book.BirthDate, u.BirthDate, u),
                Sex = Take(book.Sex, u.Sex, u),
                Ethnicity = Take(book.Ethnicity, u.Ethnicity, u),
                Nationality = Take(book.Nationality, u.Nationality, u),
                Occupation = Take(book.Occupation, u.Occupation, u),
                PersonalId = Take(book.PersonalId, u.PersonalId, u),
                RegisteredFacility = Take(book.RegisteredFacility, u.RegisteredFacility, u),
                Address = Take(book.Address, u.Address, u),
                ProvinceCode = Take(book.ProvinceCode, u.ProvinceCode, u),
                DistrictCode = Take(book.DistrictCode, u.DistrictCode, u),
                CommuneCode = Take(book.CommuneCode, u.CommuneCode, u),
            };

            foreach (var card in u.Cards)
            {
                cards[card.Number] = card;
            }
        }

        return book with
        {
            InsuranceCards = [.. cards.Values
                .OrderByDescending(c => c.ValidTo ?? DateOnly.MinValue)
                .ThenBy(c => c.Number, StringComparer.Ordinal)],
        };
    }

    private static BookField Take(BookField current, string? stated, BookAdministrativeUpdate source) =>
        string.IsNullOrWhiteSpace(stated) ? current : BookField.From(stated, source.DossierId, source.AsOf);

    private static IReadOnlyList<BookHistoryEntry> History(List<BookEntry> byArrival)
    {
        var byCode = new Dictionary<string, HistoryAccumulator>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in byArrival)
        {
            var visit = entry.Visit;
            var seenInVisit = new HashSet<string>(StringComparer.Ordinal);
            if (visit.MainDiagnosis is { } main)
            {
                Add(main, isMain: true);
            }

            foreach (var secondary in visit.SecondaryDiagnoses)
            {
                Add(secondary, isMain: false);
            }

            void Add(BookDiagnosis diagnosis, bool isMain)
            {
                var key = IcdCode.Normalize(diagnosis.Code);
                if (key.Length == 0 || !seenInVisit.Add(key))
                {
                    return;
                }

                if (!byCode.TryGetValue(key, out var acc))
                {
                    acc = new HistoryAccumulator(Dotted(key), visit.ArrivalTime);
                    byCode.Add(key, acc);
                    order.Add(key);
                }

                acc.Record(visit, diagnosis.Name, isMain);
            }
        }

        return [.. order
            .Select(k => byCode[k].ToEntry())
            .OrderBy(h => h.FirstSeen)
            .ThenBy(h => h.Code, StringComparer.Ordinal)];
    }

    /// <summary>"J069" → "J06.9"; "I10" stays.</summary>
    private static string Dotted(string normalized) =>
        normalized.Length > 3 ? $"{normalized[..3]}.{normalized[3..]}" : normalized;

    private static IReadOnlyList<BookAppointment> Upcoming(List<BookEntry> current, DateOnly today)
    {
        var appointments = new List<BookAppointment>();
        foreach (var entry in current)
        {
            var visit = entry.Visit;
            if (visit.ReExam is not { } reExam)
            {
                continue;
            }

            foreach (var date in reExam.Dates)
            {
                if (DateOnly.FromDateTime(date.ToOffset(VietnamOffset).DateTime) >= today)
                {
                    appointments.Add(new BookAppointment(date, reExam.FacilityCode, visit.FacilityCode, visit.MaLk, reExam.AppointmentNumber, reExam.Notes));
                }
            }
        }

        return [.. appointments
            .OrderBy(a => a.Date)
            .ThenBy(a => a.FacilityCode, StringComparer.Ordinal)
            .ThenBy(a => a.MaLk, StringComparer.Ordinal)];
    }

    private sealed class HistoryAccumulator(string code, DateTimeOffset firstSeen)
    {
        private readonly List<string> _facilities = [];
        private readonly DateTimeOffset _firstSeen = firstSeen;
        private string? _name;
        private DateTimeOffset _lastSeen = firstSeen;
        private int _visits;
        private int _asMain;

        public void Record(BookVisit visit, string? name, bool isMain)
        {
            _visits++;
            if (isMain)
            {
                _asMain++;
            }

            if (visit.ArrivalTime >= _lastSeen)
            {
                _lastSeen = visit.ArrivalTime;
            }

            if (name is not null)
            {
                _name = name;
            }

            if (!_facilities.Contains(visit.FacilityCode, StringComparer.Ordinal))
            {
                _facilities.Add(visit.FacilityCode);
            }
        }

        public BookHistoryEntry ToEntry() => new(code, _name, _firstSeen, _lastSeen, [.. _facilities], _visits, _asMain);
    }
}
