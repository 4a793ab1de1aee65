namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// One acknowledged document as the emulator remembers it. The person is kept only masked (first 4 + last 2 characters) and as a
/// salted hash for grouping: never the full ID.
/// </summary>
/// <param name="Sequence">Arrival number since the last reset, from 1.</param>
/// <param name="Kind">Check-in or dossier.</param>
/// <param name="Username">The gateway account that sent it.</param>
/// <param name="MaTinh">The maTinh form field.</param>
/// <param name="MaCskcb">The maCSKCB form field.</param>
/// <param name="MaLk">The episode key (the first row's for a check-in listing several).</param>
/// <param name="PersonMasked">The masked SO_CCCD (or card number when no ID), null when the document names nobody.</param>
/// <param name="PersonHash">Salted hash of the person's ID, for grouping.</param>
/// <param name="PersonSequence">The arrival number of this item among the person's items (1 = first).</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the decoded fileHSBase64 bytes.</param>
/// <param name="Size">Length of the decoded document in bytes.</param>
/// <param name="MaGiaoDich">The receipt handed back.</param>
/// <param name="ThoiGianTiepNhan">The reception time handed back (yyyyMMddHHmmss, UTC+7).</param>
/// <param name="ReceivedAt">The reception instant.</param>
/// <param name="Duplicate">True when the same (maCSKCB, MA_LK, content) had been received before.</param>
/// <param name="OrderViolation">True for a check-in that arrived after a dossier of the same episode.</param>
/// <param name="Standard">The data standard whose endpoint received it ("4750", "3176").</param>
public sealed record ReceivedItem(
    long Sequence,
    ReceivedKind Kind,
    string Username,
    string MaTinh,
    string MaCskcb,
    string MaLk,
    string? PersonMasked,
    string? PersonHash,
    long PersonSequence,
    string ContentSha256,
    int Size,
    string MaGiaoDich,
    string ThoiGianTiepNhan,
    DateTimeOffset ReceivedAt,
    bool Duplicate,
    bool OrderViolation,
    string Standard);
