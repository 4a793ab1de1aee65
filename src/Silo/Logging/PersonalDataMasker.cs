using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// Masks personal identifiers in free text: the last line of defence behind structured masking. Every rule is length-preserving
/// (masked characters become <c>*</c>), so masking never shifts the rest of a log line.
/// </summary>
/// <remarks>
/// <para>What is masked (a "boundary" is the text edge or any character that is not an ASCII letter or digit, so <c>/</c>, <c>:</c>,
/// <c>_</c>, quotes and Vietnamese letters all separate; a digit run touching an ASCII letter or another digit is never an identifier,
/// which keeps SHA-256 hex, MA_LK values such as <c>LK2025000123</c>, trace ids and long hashes intact):</para>
/// <list type="bullet">
/// <item>12-digit runs (personal ID number, CCCD): first 4 and last 2 digits stay, <c>0701******45</c>.</item>
/// <item>9-, 10- and 11-digit runs (old 9-digit ID, 10-digit social-insurance number or short card, 0 + 9-digit phone number, a personal
/// ID whose leading zero a numeric type dropped, 84 + 9-digit phone): only the last 2 digits stay.</item>
/// <item>Insurance card numbers (2 upper-case letters + benefit level 1-5 + 2-digit province + 10 digits): group, level and province
/// stay, the 10-digit number keeps its last 2 digits, <c>DN470********45</c>.</item>
/// <item>Passports (1 upper-case letter + 7 digits): letter and last 2 digits stay, <c>B*****67</c>.</item>
/// <item>Phone numbers <c>+84</c> + 9 digits (contiguous or grouped), and 10-digit numbers starting with 0 written in groups of 2-4
/// digits separated by one kind of separator (space, dot, hyphen), e.g. <c>0912 345 678</c>: only the prefix <c>+84</c> and the last
/// 2 digits stay.</item>
/// <item>E-mail addresses: the first character of the local part stays, the domain stays.</item>
/// </list>
/// <para>Dates: a bare 12-digit run is masked even when it reads as a <c>yyyyMMddHHmm</c> date, because a wrong value in an ID field
/// must not leak. It is kept only when (a) it is a plausible <c>yyyyMMddHHmm</c> date (year 1900-2099, zeros allowed for an unknown
/// month/day as in the XML standard) and (b) it is labelled as a date: the caller says so (<see cref="Mask(string?, string?)"/> with a
/// date-like property name) or the text right before it is a date-like key (<c>NGAY_VAO=</c>, <c>"NgayRa":"</c>, <c>ReceivedAt: </c>).
/// Date-like names: <c>NGAY*</c>, <c>THOI_GIAN*</c>, <c>*Time</c>, <c>*Timestamp</c>, <c>*Date</c>, <c>*At</c>, <c>*_AT</c>, but never
/// birth dates (<c>NGAY_SINH</c>, <c>*Birth*</c>), which stay masked. A real personal ID always starts with 0 (province codes 001-096),
/// so it can never pass as a plausible date. 8-digit dates (<c>yyyyMMdd</c>) and 14-digit timestamps are not identifier-shaped and
/// are never touched.</para>
/// <para>Two exemptions keep Orleans diagnostics readable: the last group of a dashed GUID (12 hex characters that happen to be
/// digits) and the generation of a silo address (<c>S127.0.0.1:11111:123456789</c>).</para>
/// <para>Known over-masking, accepted: any other 9-12 digit number on boundaries (byte counts, Unix seconds, decimals such as
/// <c>3.141592653</c>). Names and addresses cannot be recognized in free text: they are masked by property name
/// (<see cref="PersonalDataNames"/>).</para>
/// </remarks>
public static class PersonalDataMasker
{
    private const char MaskChar = '*';

    private static readonly SearchValues<char> Triggers = SearchValues.Create("0123456789@");

    /// <summary>Masks every personal identifier in <paramref name="text"/>; returns the same instance when there is nothing to mask.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Mask(string? text) => Mask(text, keepDates: false);

    /// <summary>
    /// Masks <paramref name="text"/>, the value of a property called <paramref name="propertyName"/>: when the name says the value is a
    /// date or time (<see cref="PersonalDataNames.IsDateName"/>), plausible 12-digit <c>yyyyMMddHHmm</c> dates are kept.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Mask(string? text, string? propertyName) =>
        Mask(text, keepDates: propertyName is not null && PersonalDataNames.IsDateName(propertyName));

    /// <summary>True when <paramref name="text"/> holds at least one identifier that <see cref="Mask(string?)"/> would mask.</summary>
    public static bool ContainsPersonalData(ReadOnlySpan<char> text)
    {
        var position = 0;
        return TryNext(text, ref position, keepDates: false, out _);
    }

    /// <summary>Masks <paramref name="text"/> where it stands; returns the number of identifiers masked.</summary>
    public static int MaskInPlace(Span<char> text)
    {
        var position = 0;
        var count = 0;
        while (TryNext(text, ref position, keepDates: false, out var match))
        {
            Apply(text, match);
            count++;
        }

        return count;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="output"/> with every identifier masked.</summary>
    public static void MaskTo(ReadOnlySpan<char> text, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var position = 0;
        if (!TryNext(text, ref position, keepDates: false, out var first))
        {
            output.Write(text);
            return;
        }

        var rented = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var copy = rented.AsSpan(0, text.Length);
            text.CopyTo(copy);
            Apply(copy, first);
            while (TryNext(copy, ref position, keepDates: false, out var next))
            {
                Apply(copy, next);
            }

            output.Write(copy);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    [return: NotNullIfNotNull(nameof(text))]
    internal static string? Mask(string? text, bool keepDates)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var position = 0;
        if (!TryNext(text, ref position, keepDates, out var first))
        {
            return text;
        }

        return string.Create(text.Length, (text, first, position, keepDates), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            Apply(span, state.first);
            var position = state.position;
            while (TryNext(state.text, ref position, state.keepDates, out var next))
            {
                Apply(span, next);
            }
        });
    }

    /// <summary>Finds the next identifier at or after <paramref name="position"/> and moves <paramref name="position"/> past it.</summary>
    private static bool TryNext(ReadOnlySpan<char> text, ref int position, bool keepDates, out Match match)
    {
        while (position < text.Length)
        {
            var offset = text[position..].IndexOfAny(Triggers);
            if (offset < 0)
            {
                position = text.Length;
                break;
            }

            var start = position + offset;
            if (text[start] == '@')
            {
                position = start + 1;
                if (TryEmail(text, start, out match))
                {
                    return true;
                }

                continue;
            }

            var runLength = text[start..].IndexOfAnyExceptInRange('0', '9');
            var end = runLength < 0 ? text.Length : start + runLength;
            position = end;
            if (TryDigitRun(text, start, end, keepDates, ref position, out match))
            {
                return true;
            }
        }

        match = default;
        return false;
    }

    private static bool TryDigitRun(ReadOnlySpan<char> text, int start, int end, bool keepDates, ref int position, out Match match)
    {
        var length = end - start;
        match = default;
        var rightBound = IsBoundary(text, end);
        var leftBound = IsBoundary(text, start - 1);

        if (!leftBound)
        {
            // Letters right before the run: only an insurance card or a passport, and only when the letters start at a boundary.
            if (!rightBound)
            {
                return false;
            }

            if (length == 13 && text[start] is >= '1' and <= '5' && start >= 2 && char.IsAsciiLetterUpper(text[start - 1])
                && char.IsAsciiLetterUpper(text[start - 2]) && IsBoundary(text, start - 3))
            {
                match = new Match(start - 2, 15, Head: 5, Tail: 2);
                return true;
            }

            if (length == 7 && start >= 1 && char.IsAsciiLetterUpper(text[start - 1]) && IsBoundary(text, start - 2))
            {
                match = new Match(start - 1, 8, Head: 1, Tail: 2);
                return true;
            }

            return false;
        }

        var plus = start >= 1 && text[start - 1] == '+' && IsBoundary(text, start - 2);
        if (rightBound)
        {
            if (plus && length == 11 && text[start] == '8' && text[start + 1] == '4')
            {
                match = new Match(start - 1, 12, Head: 3, Tail: 2);
                return true;
            }

            if (length is >= 9 and <= 12 && !IsExempt(text, start, length, keepDates))
            {
                match = new Match(start, length, Head: length == 12 ? 4 : 0, Tail: 2);
                return true;
            }
        }

        if (plus && length == 2 && text[start] == '8' && text[start + 1] == '4' && TryGroupedPhone(text, start, 11, out var phoneEnd))
        {
            match = new Match(start - 1, phoneEnd - start + 1, Head: 3, Tail: 2);
            position = phoneEnd;
            return true;
        }

        if (!plus && text[start] == '0' && length is >= 2 and <= 4 && TryGroupedPhone(text, start, 10, out phoneEnd))
        {
            match = new Match(start, phoneEnd - start, Head: 0, Tail: 2);
            position = phoneEnd;
            return true;
        }

        return false;
    }

    /// <summary>Digit groups of 2-4 digits joined by one kind of separator, <paramref name="digits"/> digits in all, on boundaries.</summary>
    private static bool TryGroupedPhone(ReadOnlySpan<char> text, int start, int digits, out int end)
    {
        end = start;
        var total = 0;
        var groups = 0;
        var separator = '\0';
        var k = start;
        while (true)
        {
            var group = 0;
            while (k < text.Length && char.IsAsciiDigit(text[k]))
            {
                group++;
                k++;
            }

            if (group is < 2 or > 4)
            {
                return false;
            }

            total += group;
            groups++;
            if (total > digits)
            {
                return false;
            }

            if (k + 1 < text.Length && text[k] is ' ' or '.' or '-' && char.IsAsciiDigit(text[k + 1])
                && (separator == '\0' || separator == text[k]) && total < digits)
            {
                separator = text[k];
                k++;
                continue;
            }

            break;
        }

        if (total != digits || groups < 2 || !IsBoundary(text, k))
        {
            return false;
        }

        end = k;
        return true;
    }

    private static bool TryEmail(ReadOnlySpan<char> text, int at, out Match match)
    {
        match = default;
        var localStart = at;
        while (localStart > 0 && IsLocalPartChar(text[localStart - 1]))
        {
            localStart--;
        }

        if (localStart == at)
        {
            return false;
        }

        var k = at + 1;
        var dots = 0;
        var lastLabelLetters = true;
        var labelLength = 0;
        while (k < text.Length)
        {
            var c = text[k];
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                labelLength++;
                lastLabelLetters &= char.IsAsciiLetter(c);
                k++;
            }
            else if (c == '.' && labelLength > 0 && k + 1 < text.Length && char.IsAsciiLetterOrDigit(text[k + 1]))
            {
                dots++;
                labelLength = 0;
                lastLabelLetters = true;
                k++;
            }
            else
            {
                break;
            }
        }

        if (dots == 0 || labelLength < 2 || !lastLabelLetters)
        {
            return false;
        }

        match = new Match(localStart, at - localStart, Head: 1, Tail: 0);
        return true;
    }

    private static bool IsLocalPartChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsExempt(ReadOnlySpan<char> text, int start, int length, bool keepDates)
    {
        if (length == 12)
        {
            if (IsPlausibleCompactDateTime(text.Slice(start, 12)) && (keepDates || IsDateKeyBefore(text, start)))
            {
                return true;
            }

            return IsGuidTail(text, start);
        }

        return length is 9 or 10 && IsSiloGeneration(text, start);
    }

    /// <summary>True for <c>yyyyMMddHHmm</c> with a year 1900-2099; zeros stand for an unknown month or day (day 00 then, too).</summary>
    internal static bool IsPlausibleCompactDateTime(ReadOnlySpan<char> digits)
    {
        var year = Number(digits[..4]);
        var month = Number(digits.Slice(4, 2));
        var day = Number(digits.Slice(6, 2));
        var hour = Number(digits.Slice(8, 2));
        var minute = Number(digits.Slice(10, 2));
        if (year is < 1900 or > 2099 || month > 12 || hour > 23 || minute > 59)
        {
            return false;
        }

        if (month == 0)
        {
            return day == 0;
        }

        return day <= DateTime.DaysInMonth(year, month);
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>A date-like key right before the value: <c>NGAY_VAO=</c>, <c>"NgayVao":"</c>, <c>ReceivedAt: </c>, <c>\"NGAY_RA\":\"</c>.</summary>
    private static bool IsDateKeyBefore(ReadOnlySpan<char> text, int start)
    {
        var k = start - 1;
        var skipped = 0;
        while (k >= 0 && skipped < 6 && text[k] is '"' or '\'' or ':' or '=' or ' ' or '\\')
        {
            k--;
            skipped++;
        }

        if (skipped == 0)
        {
            return false;
        }

        var nameEnd = k + 1;
        while (k >= 0 && nameEnd - k <= 64 && (char.IsAsciiLetterOrDigit(text[k]) || text[k] == '_'))
        {
            k--;
        }

        var name = text[(k + 1)..nameEnd];
        return name.Length > 0 && PersonalDataNames.IsDateName(name);
    }

    /// <summary>The last group of <c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>.</summary>
    private static bool IsGuidTail(ReadOnlySpan<char> text, int start)
    {
        if (start < 24 || !IsBoundary(text, start - 25))
        {
            return false;
        }

        var head = text.Slice(start - 24, 24);
        for (var i = 0; i < head.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? head[i] != '-' : !char.IsAsciiHexDigit(head[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The generation of an Orleans silo address, <c>S10.0.0.1:11111:123456789</c>: <c>:port:</c> after an address.</summary>
    private static bool IsSiloGeneration(ReadOnlySpan<char> text, int start)
    {
        var k = start - 1;
        if (k < 0 || text[k] != ':')
        {
            return false;
        }

        k--;
        var portDigits = 0;
        while (k >= 0 && char.IsAsciiDigit(text[k]))
        {
            k--;
            portDigits++;
        }

        return portDigits is >= 1 and <= 5 && k >= 1 && text[k] == ':' && (char.IsAsciiDigit(text[k - 1]) || text[k - 1] == ']');
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int index) =>
        index < 0 || index >= text.Length || !char.IsAsciiLetterOrDigit(text[index]);

    private static void Apply(Span<char> text, Match match)
    {
        var masked = text.Slice(match.Start + match.Head, match.Length - match.Head - match.Tail);
        for (var i = 0; i < masked.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(masked[i]))
            {
                masked[i] = MaskChar;
            }
        }
    }

    private readonly record struct Match(int Start, int Length, int Head, int Tail);
}
