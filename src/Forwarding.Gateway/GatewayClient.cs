using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// The typed HTTP client of the national gateway. Each call: build the form body once, then inside the resilience pipeline take
/// the account's cached token, post, and on a refused token (HTTP 401 or maKetQua 401) renew it and post once more.
/// </summary>
internal sealed class GatewayClient(
    HttpClient http,
    GatewayTokenCache tokens,
    GatewayResiliencePipeline resilience,
    IOptions<GatewayOptions> options,
    ILogger<GatewayClient> logger) : IGatewayClient
{
    /// <summary>The name of the HttpClient registration shared by the data calls and the token calls.</summary>
    public const string HttpClientName = "SoSucKhoe.Gateway";

    private const string CheckInKind = "check-in";
    private const string DossierKind = "dossier";

    public Task<GatewayResult> SendCheckInAsync(GatewaySubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var settings = options.Value;
        return settings.EndpointsOf(submission.Standard) is { } endpoints
            ? SendAsync(CheckInKind, endpoints.CheckInPath, settings.LoaiHoSoCheckIn, submission, cancellationToken)
            : Task.FromResult(NoEndpoints(CheckInKind, submission));
    }

    public Task<GatewayResult> SendDossierAsync(GatewaySubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var settings = options.Value;
        return settings.EndpointsOf(submission.Standard) is { } endpoints
            ? SendAsync(DossierKind, endpoints.DossierPath, settings.LoaiHoSoDossier, submission, cancellationToken)
            : Task.FromResult(NoEndpoints(DossierKind, submission));
    }

    /// <summary>
    /// A standard without configured endpoints is a configuration fault, not the document's: the entry stays in the outbox
    /// (transient) until an operator adds the endpoints, instead of being dead-lettered.
    /// </summary>
    private GatewayResult NoEndpoints(string kind, GatewaySubmission submission)
    {
        var standard = string.IsNullOrEmpty(submission.Standard) ? options.Value.StandardVersion : submission.Standard;
        GatewayLog.NoEndpoints(logger, kind, submission.FacilityCode, standard);
        return GatewayResult.Transient($"{GatewayErrors.Configuration}: no Gateway:Endpoints:{standard} is configured", 0);
    }

    internal static bool IsRetryableStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private async Task<GatewayResult> SendAsync(
        string kind, string path, string loaiHoSo, GatewaySubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Account);

        var body = GatewayFormBody.Build(
            [
                new("username", submission.Account.Username),
                new("loaiHoSo", loaiHoSo),
                new("maTinh", submission.ProvinceCode),
                new("maCSKCB", submission.FacilityCode),
            ],
            "fileHSBase64",
            submission.Document.Span);
        var call = new Call(submission.Account, path, body, string.IsNullOrEmpty(submission.Standard) ? options.Value.StandardVersion : submission.Standard);
        var started = Stopwatch.GetTimestamp();

        GatewayResult result;
        try
        {
            var attempt = await resilience.Pipeline
                .ExecuteAsync(static (state, token) => state.Client.AttemptAsync(state.Call, token), (Client: this, Call: call), cancellationToken)
                .ConfigureAwait(false);
            result = Interpret(attempt, call.Attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException)
        {
            result = GatewayResult.Transient($"{GatewayErrors.Timeout}: no answer within {options.Value.AttemptTimeout}", call.Attempts);
        }
        catch (BrokenCircuitException)
        {
            result = GatewayResult.Transient($"{GatewayErrors.CircuitOpen}: the gateway is failing, calls are paused", call.Attempts);
        }
        catch (RateLimiterRejectedException)
        {
            result = GatewayResult.Transient($"{GatewayErrors.Throttled}: too many gateway calls waiting", call.Attempts);
        }
        catch (GatewayHttpStatusException exception)
        {
            result = GatewayResult.Transient($"{GatewayErrors.HttpStatus}: HTTP {(int)exception.Status}", call.Attempts);
        }
        catch (GatewayAuthorizationException exception)
        {
            result = GatewayResult.Transient(
                $"{GatewayErrors.Authorization}: the gateway refused the account (maKetQua {exception.MaKetQua})",
                call.Attempts,
                exception.MaKetQua,
                exception.ThongDiep);
        }
        catch (GatewayBadResponseException exception)
        {
            result = GatewayResult.Transient($"{GatewayErrors.BadResponse}: {exception.Message}", call.Attempts);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            result = GatewayResult.Transient($"{GatewayErrors.Transport}: {exception.GetType().Name}", call.Attempts);
        }
#pragma warning disable CA1031 // The contract is "never throw for gateway failures": the caller keeps the item and re-drives it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            GatewayLog.Unexpected(logger, exception, kind, submission.FacilityCode, call.Attempts);
            result = GatewayResult.Transient($"{GatewayErrors.Transport}: unexpected {exception.GetType().Name}", call.Attempts);
        }

        Log(kind, submission.FacilityCode, result, Stopwatch.GetElapsedTime(started), call.Standard);
        return result;
    }

    private async ValueTask<GatewayAttempt> AttemptAsync(Call call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var token = await tokens.GetAsync(call.Account, cancellationToken).ConfigureAwait(false);
        var attempt = await PostAsync(call, token, cancellationToken).ConfigureAwait(false);
        if (attempt.IsUnauthenticated && !call.TokenRenewed)
        {
            call.TokenRenewed = true;
            GatewayLog.TokenRenewing(logger, call.Account.Username, attempt.Answer?.MaKetQua);
            token = await tokens.RenewAsync(call.Account, token, cancellationToken).ConfigureAwait(false);
            attempt = await PostAsync(call, token, cancellationToken).ConfigureAwait(false);
        }

        return attempt;
    }

    private async Task<GatewayAttempt> PostAsync(Call call, GatewayToken token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, call.Path);
        request.Headers.TryAddWithoutValidation("accessToken", token.AccessToken);
        request.Headers.TryAddWithoutValidation("tokenId", token.IdToken);
        request.Headers.TryAddWithoutValidation("passwordHash", call.PasswordHash);
        var content = new ByteArrayContent(call.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(GatewayFormBody.ContentType);
        request.Content = content;

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var answerBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new GatewayAttempt(response.StatusCode, GatewayAnswer.TryParse(answerBytes));
    }

    private static GatewayResult Interpret(GatewayAttempt attempt, int attempts)
    {
        var status = (int)attempt.Status;
        if (attempt.IsRetryable)
        {
            return GatewayResult.Transient(
                $"{GatewayErrors.HttpStatus}: HTTP {status}", attempts, attempt.Answer?.MaKetQua, attempt.Answer?.ThongDiep);
        }

        var answer = attempt.Answer;
        if (answer?.MaKetQua is null)
        {
            return GatewayResult.Transient($"{GatewayErrors.BadResponse}: HTTP {status} without a maKetQua", attempts);
        }

        var code = answer.MaKetQua;
        if (attempt.IsUnauthenticated || code == GatewayResultCodes.Forbidden || attempt.Status == HttpStatusCode.Forbidden)
        {
            return GatewayResult.Transient(
                $"{GatewayErrors.Authorization}: the gateway refused the account or token (maKetQua {code}, HTTP {status})",
                attempts,
                code,
                answer.ThongDiep);
        }

        if (code == GatewayResultCodes.Success)
        {
            if (status is < 200 or > 299)
            {
                return GatewayResult.Transient(
                    $"{GatewayErrors.BadResponse}: maKetQua 200 with HTTP {status.ToString(CultureInfo.InvariantCulture)}", attempts);
            }

            return new GatewayResult(
                GatewayOutcome.Acknowledged,
                code,
                answer.MaGiaoDich,
                answer.ThoiGianTiepNhan,
                GatewayReceiptTime.TryParse(answer.ThoiGianTiepNhan),
                answer.ThongDiep,
                attempts,
                null);
        }

        return new GatewayResult(
            GatewayOutcome.Rejected,
            code,
            answer.MaGiaoDich,
            answer.ThoiGianTiepNhan,
            GatewayReceiptTime.TryParse(answer.ThoiGianTiepNhan),
            answer.ThongDiep,
            attempts,
            null);
    }

    private void Log(string kind, string facilityCode, GatewayResult result, TimeSpan elapsed, string standard)
    {
        switch (result.Outcome)
        {
            case GatewayOutcome.Acknowledged:
                GatewayLog.Acknowledged(
                    logger, kind, facilityCode, result.MaGiaoDich, result.Attempts, (long)elapsed.TotalMilliseconds, standard);
                break;
            case GatewayOutcome.Rejected:
                GatewayLog.Rejected(logger, kind, facilityCode, result.MaKetQua, result.Attempts);
                break;
            default:
                GatewayLog.TransientFailure(logger, kind, facilityCode, result.Error ?? "unknown", result.Attempts);
                break;
        }
    }

    /// <summary>The state of one call across its attempts.</summary>
    private sealed class Call(GatewayAccount account, string path, byte[] body, string standard)
    {
        public string Standard { get; } = standard;

        public GatewayAccount Account { get; } = account;

        public string Path { get; } = path;

        public byte[] Body { get; } = body;

        public string PasswordHash { get; } = account.PasswordHash;

        public int Attempts { get; set; }

        public bool TokenRenewed { get; set; }
    }
}
