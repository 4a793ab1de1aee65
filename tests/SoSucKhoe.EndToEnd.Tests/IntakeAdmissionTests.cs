using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SoSucKhoe.Api.Intake;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Admission control of the intake: a bounded number of calls at work and in the queue, the rest refused at once with a retry
/// delay; refusals while the heap is near its limit; a refused call changes nothing.
/// </summary>
public sealed class IntakeAdmissionTests
{
    private static readonly DateTimeOffset Arrival = new(2025, 4, 7, 7, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Calls_beyond_the_places_and_the_queue_are_refused_at_once_with_a_retry_delay()
    {
        using var admission = Create(new IntakeAdmissionOptions { MaxConcurrent = 2, MaxQueued = 1 }, new FakeTimeProvider());
        var first = await admission.EnterAsync(CancellationToken.None);
        var second = await admission.EnterAsync(CancellationToken.None);

        var queued = admission.EnterAsync(CancellationToken.None).AsTask();
        var refused = await Assert.ThrowsAsync<RpcException>(() => admission.EnterAsync(CancellationToken.None).AsTask());

        Assert.False(queued.IsCompleted);
        Assert.Equal((2, 1), (admission.InProgress, admission.Queued));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.GetRpcStatus()!.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan());
        Assert.Contains("queue is full", refused.Status.Detail, StringComparison.Ordinal);

        first.Dispose();
        var third = await queued.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((2, 0), (admission.InProgress, admission.Queued));
        second.Dispose();
        third.Dispose();
        Assert.Equal(0, admission.InProgress);
    }

    [Fact]
    public async Task A_queued_call_is_refused_once_it_has_waited_its_longest_time_and_leaves_the_queue()
    {
        var time = new FakeTimeProvider();
        using var admission = Create(new IntakeAdmissionOptions { MaxConcurrent = 1, MaxQueued = 4, MaxQueueWait = TimeSpan.FromSeconds(5) }, time);
        var held = await admission.EnterAsync(CancellationToken.None);
        var queued = admission.EnterAsync(CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(queued.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var refused = await Assert.ThrowsAsync<RpcException>(() => queued.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("longest time in the queue", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, admission.Queued);
        held.Dispose();
        using var next = await admission.EnterAsync(CancellationToken.None);
        Assert.Equal(1, admission.InProgress);
    }

    [Fact]
    public async Task A_caller_that_gives_up_in_the_queue_is_cancelled_and_takes_no_place()
    {
        using var admission = Create(new IntakeAdmissionOptions { MaxConcurrent = 1, MaxQueued = 4 }, new FakeTimeProvider());
        var held = await admission.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var queued = admission.EnterAsync(giveUp.Token).AsTask();

        await giveUp.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<RpcException>(() => queued.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        Assert.Equal(0, admission.Queued);
        held.Dispose();
        Assert.Equal(0, admission.InProgress);
    }

    [Fact]
    public async Task New_calls_are_refused_while_the_heap_is_near_its_limit_and_admitted_again_once_a_collection_brings_it_down()
    {
        var time = new FakeTimeProvider();
        var heap = 900L;
        var reads = 0;
        using var admission = new IntakeAdmission(new IntakeAdmissionOptions { MemoryRefusalRatio = 0.85 }, time, NullLogger.Instance, () =>
        {
            reads++;
            return new MemoryReading(heap, 1000);
        });

        var refused = await Assert.ThrowsAsync<RpcException>(() => admission.EnterAsync(CancellationToken.None).AsTask());
        heap = 500;
        var stillRefused = await Assert.ThrowsAsync<RpcException>(() => admission.EnterAsync(CancellationToken.None).AsTask());
        time.Advance(IntakeAdmission.MemoryCheckInterval);
        using var admitted = await admission.EnterAsync(CancellationToken.None);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("short of memory", refused.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(refused.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.Equal(StatusCode.ResourceExhausted, stillRefused.StatusCode);
        Assert.Equal(2, reads);
        Assert.Equal(1, admission.InProgress);
    }

    [Theory]
    [InlineData(849, 1000, true)]
    [InlineData(850, 1000, false)]
    [InlineData(5000, 0, true)]
    public async Task The_memory_check_compares_the_heap_with_the_configured_share_of_the_limit(long heapBytes, long limitBytes, bool admitted)
    {
        using var admission = new IntakeAdmission(new IntakeAdmissionOptions { MemoryRefusalRatio = 0.85 }, new FakeTimeProvider(), NullLogger.Instance,
            () => new MemoryReading(heapBytes, limitBytes));

        var refusal = await Record.ExceptionAsync(async () => (await admission.EnterAsync(CancellationToken.None)).Dispose());

        Assert.Equal(admitted, refusal is null);
    }

    [Fact]
    public async Task With_admission_control_off_every_call_is_admitted()
    {
        using var admission = new IntakeAdmission(new IntakeAdmissionOptions { MaxConcurrent = 0, MaxQueued = 0, MemoryRefusalRatio = 0 },
            new FakeTimeProvider(), NullLogger.Instance, () => new MemoryReading(999, 1000));

        var places = new List<IDisposable>();
        for (var i = 0; i < 1_000; i++)
        {
            places.Add(await admission.EnterAsync(CancellationToken.None));
        }

        Assert.Equal(1_000, places.Count);
        Assert.Equal((0, 0), (admission.InProgress, admission.Queued));
    }

    [Fact]
    public async Task A_dossier_refused_at_capacity_changes_nothing_and_the_same_bytes_are_accepted_once_a_place_is_free()
    {
        var folder = Directory.CreateTempSubdirectory("sosuckhoe-admission-").FullName;
        var httpPort = FreePorts.Next();
        var settings = new HubSettings(new Uri($"http://127.0.0.1:{httpPort}/gateway/"), folder);
        var hub = HubHost.Build([.. settings.ToArguments(), "--Hub:HostGatewayEmulator=true", "--Intake:MaxConcurrent=1", "--Intake:MaxQueued=0"]);
        await hub.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress(settings.GrpcAddress);
            var clients = new HubClients(channel, settings.AdminKey);
            var province = new ProvinceGenerator(seed: 5150, new ProvinceOptions { FacilityCount = 2, CitizenCount = 100 });
            var facility = province.Facilities()[0];
            var intake = await clients.IntakeForAsync(facility.Code, facility.Name);
            var dossier = new DossierFactory(seed: 5151).Create(province.CitizenAt(1), facility, "01", Arrival);
            var request = new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) };
            var admission = hub.Services.GetRequiredService<IntakeAdmission>();

            var place = await admission.EnterAsync(CancellationToken.None);
            var refused = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitDossierAsync(request).ResponseAsync);
            place.Dispose();
            var accepted = await intake.SubmitDossierAsync(request);

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.GetRpcStatus()!.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan());
            Assert.Contains("nothing was accepted", refused.Status.Detail, StringComparison.Ordinal);
            Assert.False(accepted.Duplicate);
            Assert.Equal(1, accepted.Version);
            Assert.Equal(0, admission.InProgress);
        }
        finally
        {
            await hub.StopAsync();
            await hub.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IntakeAdmission Create(IntakeAdmissionOptions options, TimeProvider time) =>
        new(options, time, NullLogger.Instance, () => new MemoryReading(0, 1000));
}
