using SoSucKhoe.TraceSummary;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class TraceSummaryTests
{
    private const string Submit = "SoSucKhoe.Api.Intake.DossierIntake+<SubmitAsync>d__14.MoveNext";
    private const string Verify = "SoSucKhoe.Dossiers.Signatures.DossierSignatureVerifier.Verify";
    private const string Read = "SoSucKhoe.Dossiers.Reading.DossierReader.ReadDossier";

    private static StackSample Working(params string[] frames) => new(frames, InManagedCode: true, AtMilliseconds: 0);

    [Fact]
    public void Parked_threads_are_not_work_whether_in_native_code_or_in_a_wait()
    {
        Assert.True(SampleFilter.IsWork(Working("System.Xml.XmlTextReaderImpl.ParseText", Read)));
        Assert.False(SampleFilter.IsWork(new StackSample(["?libc", "System.Net.Sockets.SocketAsyncEngine.EventLoop"], false, 0)));
        Assert.False(SampleFilter.IsWork(Working("System.Threading.WaitHandle.WaitOneNoCheck", "System.Threading.Thread.StartCallback")));
        Assert.False(SampleFilter.IsWork(Working("System.Threading.LowLevelLifoSemaphore.WaitForSignal", "System.Threading.Thread.StartCallback")));
        Assert.False(SampleFilter.IsWork(Working()));
    }

    [Fact]
    public void Shares_count_working_samples_only_inclusive_on_the_stack_and_exclusive_at_the_leaf()
    {
        var profile = CpuProfile.Build(
        [
            Working("System.Security.Cryptography.Xml.SignedXml.CheckSignature", Verify, Submit),
            Working(Verify, Submit),
            Working(Read, Submit),
            new StackSample(["System.Threading.Monitor.Wait", Submit], true, 0),
        ]);

        Assert.Equal(4, profile.Total);
        Assert.Equal(3, profile.Working);
        var inclusive = profile.TopInclusive(10).ToDictionary(r => r.Method, r => r.Share);
        Assert.Equal(1.0, inclusive[Submit], 3);
        Assert.Equal(2.0 / 3, inclusive[Verify], 3);
        Assert.Equal(1.0 / 3, inclusive[Read], 3);
        var exclusive = profile.TopExclusive(10).ToDictionary(r => r.Method, r => r.Share);
        Assert.Equal(1.0 / 3, exclusive[Verify], 3);
        Assert.False(exclusive.ContainsKey(Submit));
        Assert.Equal(Submit, profile.TopInclusive(1)[0].Method);
    }

    [Fact]
    public void A_focus_keeps_the_samples_through_one_method_and_callers_skip_async_plumbing()
    {
        const string memmove = "System.Buffer.MemmoveInternal";
        var profile = CpuProfile.Build(
        [
            Working(memmove, "SoSucKhoe.Dossiers.Signatures.SafeXmlDocument.Load", Verify, Submit),
            Working(memmove, "System.Runtime.CompilerServices.AsyncMethodBuilderCore.Start", Read, Submit),
            Working(memmove, "SoSucKhoe.Dossiers.Signatures.SafeXmlDocument.Load", Verify, Submit),
            Working(Read, Submit),
        ], focus: memmove, callersOf: memmove, callerDepth: 1);

        Assert.Equal(3, profile.Working);
        var callers = profile.TopCallers(10);
        Assert.Equal("SoSucKhoe.Dossiers.Signatures.SafeXmlDocument.Load", callers[0].Method);
        Assert.Equal(2.0 / 3, callers[0].Share, 3);
        Assert.Equal(Read, callers[1].Method);
        Assert.Equal(1.0 / 3, callers[1].Share, 3);
    }

    [Fact]
    public void Gc_pauses_are_summarised_as_count_total_median_max_and_share_of_the_time()
    {
        var summary = GcPauseSummary.Of(
        [
            new GcPause(100, 4, 0, "AllocSmall"),
            new GcPause(600, 20, 1, "AllocSmall"),
            new GcPause(1100, 6, 0, "AllocSmall"),
        ], spanSeconds: 2);

        Assert.Equal(3, summary.Count);
        Assert.Equal(30, summary.TotalMilliseconds);
        Assert.Equal(6, summary.MedianMilliseconds);
        Assert.Equal(20, summary.MaxMilliseconds);
        Assert.Equal(1.5, summary.PerSecond);
        Assert.Equal(0.015, summary.PausedShare, 6);
        Assert.Equal(0, GcPauseSummary.Of([], 5).Count);
    }
}
