using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>Serves the gateway services (token, check-in, dossier) and the emulator's control endpoints.</summary>
internal sealed class EmulatorRequestHandler(
    GatewayEmulatorState state,
    IOptions<EmulatorOptions> options,
    TimeProvider timeProvider,
    ILogger<EmulatorRequestHandler> logger)
{
    private const int MaxReceivedPage = 10_000;
    private readonly EmulatorOptions _options = options.Value;

    /// <summary>The base64 document may be fully percent-encoded (three bytes a character) plus the other fields.</summary>
    private int MaxBodyBytes => (int)Math.Min(int.MaxValue - 1024, (3L * _options.MaxDocumentBase64Length) + 65_536);

    public async Task TakeTokenAsync(HttpContext context)
    {
        if (!await PassFaultsAsync(context).ConfigureAwait(false))
        {
            return;
        }

        using var form = await ReadFormAsync(context).ConfigureAwait(false);
        if (form is null)
        {
            await RefuseTokenAsync(context, StatusCodes.Status400BadRequest, EmulatorResultCodes.Invalid,
                "Yêu cầu phải là application/x-www-form-urlencoded / the request must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var username = form.Text("username");
        var password = form.Text("password");
        if (username is null || password is null)
        {
            await RefuseTokenAsync(context, StatusCodes.Status400BadRequest, EmulatorResultCodes.Invalid,
                "Thiếu username hoặc password / username or password is missing").ConfigureAwait(false);
            return;
        }

        string passwordHash;
        if (_options.Accounts.Count > 0)
        {
            if (!_options.Accounts.TryGetValue(username, out var clearPassword) || !HashEquals(Md5Upper(clearPassword), password))
            {
                state.CountUnauthorized();
                await RefuseTokenAsync(context, StatusCodes.Status401Unauthorized, EmulatorResultCodes.Unauthenticated,
                    "Sai tài khoản hoặc mật khẩu / wrong user name or password").ConfigureAwait(false);
                return;
            }

            passwordHash = Md5Upper(clearPassword);
        }
        else
        {
            passwordHash = password.ToUpperInvariant();
        }

        var token = state.Tokens.Issue(username, passwordHash, _options.TokenLifetime);
        state.CountTokenIssued();
        var answer = new TokenAnswer(
            EmulatorResultCodes.Success,
            new ApiKeyAnswer(
                token.AccessToken,
                token.IdToken,
                "Bearer",
                username,
                token.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            null);
        await context.Response.WriteAsJsonAsync(answer, EmulatorJsonContext.Default.TokenAnswer, cancellationToken: context.RequestAborted)
            .ConfigureAwait(false);
    }

    /// <summary>Serves a check-in or dossier endpoint of <paramref name="standard"/> (named <paramref name="standardName"/>).</summary>
    public async Task ReceiveAsync(HttpContext context, ReceivedKind kind, string standardName, EmulatorStandard standard)
    {
        if (!await PassFaultsAsync(context).ConfigureAwait(false))
        {
            return;
        }

        using var form = await ReadFormAsync(context).ConfigureAwait(false);
        if (form is null)
        {
            await RejectAsync(context, kind,
                "Yêu cầu phải là application/x-www-form-urlencoded / the request must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var username = form.Text("username");
        var token = state.Tokens.Find(context.Request.Headers["accessToken"].ToString());
        if (token is null || username is null || !string.Equals(token.Username, username, StringComparison.Ordinal))
        {
            await UnauthorizedAsync(context,
                "Token không hợp lệ, đã hết hạn hoặc không thuộc tài khoản / the token is invalid, expired or not issued to this username").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(context.Request.Headers["tokenId"].ToString(), token.IdToken, StringComparison.Ordinal))
        {
            await UnauthorizedAsync(context, "tokenId không khớp / tokenId does not match the token").ConfigureAwait(false);
            return;
        }

        if (!HashEquals(token.PasswordHash, context.Request.Headers["passwordHash"].ToString()))
        {
            await UnauthorizedAsync(context, "passwordHash không đúng / wrong passwordHash").ConfigureAwait(false);
            return;
        }

        var expectedLoaiHoSo = kind == ReceivedKind.CheckIn ? _options.CheckInLoaiHoSo : _options.DossierLoaiHoSo;
        var loaiHoSo = form.Text("loaiHoSo");
        if (!string.Equals(loaiHoSo, expectedLoaiHoSo, StringComparison.Ordinal))
        {
            await RejectAsync(context, kind, $"loaiHoSo phải là {expectedLoaiHoSo} / loaiHoSo must be {expectedLoaiHoSo}").ConfigureAwait(false);
            return;
        }

        var maTinh = form.Text("maTinh");
        var maCskcb = form.Text("maCSKCB");
        if (maTinh is null || maCskcb is null)
        {
            await RejectAsync(context, kind, "Thiếu maTinh hoặc maCSKCB / maTinh or maCSKCB is missing").ConfigureAwait(false);
            return;
        }

        if (form.Base64("fileHSBase64") is not { Count: > 0 } document)
        {
            await RejectAsync(context, kind, "Thiếu fileHSBase64 hoặc không phải base64 / fileHSBase64 is missing or not base64").ConfigureAwait(false);
            return;
        }

        var inspection = DocumentInspector.Inspect(kind, document, maCskcb);
        if (inspection.Facts is not { } facts)
        {
            await RejectAsync(context, kind, inspection.Error!).ConfigureAwait(false);
            return;
        }

        if (WrongStandard(facts, kind, standardName, standard) is { } wrong)
        {
            await RejectAsync(context, kind, wrong).ConfigureAwait(false);
            return;
        }

        if (state.Faults.NextIsRejected())
        {
            state.CountFault();
            state.CountRejected();
            await WriteDataAsync(context, StatusCodes.Status200OK,
                new DataAnswer(EmulatorResultCodes.Invalid, null, null, "Hồ sơ bị từ chối (mô phỏng) / document rejected (injected fault)"))
                .ConfigureAwait(false);
            return;
        }

        var item = state.Record(kind, username, maTinh, maCskcb, facts, document, standardName);
        await WriteDataAsync(context, StatusCodes.Status200OK,
            new DataAnswer(EmulatorResultCodes.Success, item.MaGiaoDich, item.ThoiGianTiepNhan, "Tiếp nhận thành công / received"))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Why the document does not belong on this standard's endpoint (Vietnamese / English), or null: a document without a readable
    /// episode day is refused, and one whose day another standard governs is refused naming that standard's endpoint.
    /// </summary>
    private string? WrongStandard(DocumentFacts facts, ReceivedKind kind, string standardName, EmulatorStandard standard)
    {
        if (facts.EpisodeDays.Count == 0)
        {
            return kind == ReceivedKind.Dossier
                ? "XML1 không có NGAY_RA/NGAY_VAO hợp lệ / XML1 has no readable NGAY_RA or NGAY_VAO"
                : "XML0 không có NGAY_VAO hợp lệ / XML0 has no readable NGAY_VAO";
        }

        foreach (var day in facts.EpisodeDays)
        {
            if (standard.Takes(day))
            {
                continue;
            }

            var shown = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var right = _options.Standards.FirstOrDefault(s => s.Value.Takes(day));
            var path = right.Value is null ? null : kind == ReceivedKind.Dossier ? right.Value.DossierPath : right.Value.CheckInPath;
            return path is null
                ? $"Ngày {shown} không thuộc chuẩn QĐ {standardName} / the episode day {shown} is not taken by the QĐ {standardName} endpoint"
                : $"Hồ sơ ngày {shown} theo chuẩn QĐ {right.Key}, gửi tới {path} / the episode day {shown} follows QĐ {right.Key}: send it to {path}, not to the QĐ {standardName} endpoint";
        }

        return null;
    }

    public Task GetStatsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(state.GetStats(), EmulatorJsonContext.Default.EmulatorStats, cancellationToken: context.RequestAborted);

    public Task GetReceivedAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var after = long.TryParse(query["after"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : 0;
        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 1000;
        var items = state.GetReceived(after, Math.Clamp(limit, 0, MaxReceivedPage));
        return context.Response.WriteAsJsonAsync(items, EmulatorJsonContext.Default.IReadOnlyListReceivedItem, cancellationToken: context.RequestAborted);
    }

    public Task GetFaultsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(state.GetFaults(), EmulatorJsonContext.Default.EmulatorFaultState, cancellationToken: context.RequestAborted);

    public async Task SetFaultsAsync(HttpContext context)
    {
        EmulatorFaultUpdate? update;
        try
        {
            update = context.Request.ContentLength == 0
                ? new EmulatorFaultUpdate()
                : await context.Request.ReadFromJsonAsync(EmulatorJsonContext.Default.EmulatorFaultUpdate, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The body must be a JSON fault update.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var faults = state.ApplyFaults(update ?? new EmulatorFaultUpdate());
        EmulatorLog.FaultsChanged(logger, faults.LatencyMs, faults.JitterMs, faults.ErrorRate, faults.RejectRate, faults.FailNext,
            faults.OutageUntil, update?.ExpireTokens == true);
        await context.Response.WriteAsJsonAsync(faults, EmulatorJsonContext.Default.EmulatorFaultState, cancellationToken: context.RequestAborted)
            .ConfigureAwait(false);
    }

    public Task ResetAsync(HttpContext context)
    {
        state.Reset();
        EmulatorLog.Reset(logger);
        return context.Response.WriteAsJsonAsync(state.GetStats(), EmulatorJsonContext.Default.EmulatorStats, cancellationToken: context.RequestAborted);
    }

    /// <summary>Applies outage, latency and server-error faults; false when a fault already answered the request.</summary>
    private async Task<bool> PassFaultsAsync(HttpContext context)
    {
        var faults = state.Faults;
        if (faults.InOutage())
        {
            state.CountFault();
            await WriteDataAsync(context, StatusCodes.Status503ServiceUnavailable,
                new DataAnswer(EmulatorResultCodes.Unavailable, null, null, "Hệ thống tạm ngừng (mô phỏng) / service unavailable (injected outage)"))
                .ConfigureAwait(false);
            return false;
        }

        var delay = faults.NextDelay();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (faults.NextIsServerError())
        {
            state.CountFault();
            await WriteDataAsync(context, StatusCodes.Status500InternalServerError,
                new DataAnswer(EmulatorResultCodes.ServerError, null, null, "Lỗi hệ thống (mô phỏng) / internal error (injected fault)"))
                .ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private Task<FormBody?> ReadFormAsync(HttpContext context) =>
        FormBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);

    private async Task RejectAsync(HttpContext context, ReceivedKind kind, string message)
    {
        state.CountRejected();
        EmulatorLog.Refused(logger, kind, EmulatorResultCodes.Invalid, message);
        await WriteDataAsync(context, StatusCodes.Status400BadRequest, new DataAnswer(EmulatorResultCodes.Invalid, null, null, message))
            .ConfigureAwait(false);
    }

    private async Task UnauthorizedAsync(HttpContext context, string message)
    {
        state.CountUnauthorized();
        await WriteDataAsync(context, StatusCodes.Status401Unauthorized, new DataAnswer(EmulatorResultCodes.Unauthenticated, null, null, message))
            .ConfigureAwait(false);
    }

    private static Task RefuseTokenAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new TokenAnswer(code, null, message), EmulatorJsonContext.Default.TokenAnswer,
            cancellationToken: context.RequestAborted);
    }

    private static Task WriteDataAsync(HttpContext context, int status, DataAnswer answer)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(answer, EmulatorJsonContext.Default.DataAnswer, cancellationToken: context.RequestAborted);
    }

    private static bool HashEquals(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToUpperInvariant()), Encoding.ASCII.GetBytes(presented.Trim().ToUpperInvariant()));

    private static string Md5Upper(string password)
    {
#pragma warning disable CA5351 // MD5 is imposed by the gateway's interface, not chosen for security.
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5351
    }
}
