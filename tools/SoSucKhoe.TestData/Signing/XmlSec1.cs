using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.TestData;

/// <summary>
/// Runs the xmlsec1 command-line signer (Debian package xmlsec1), an XML-DSig implementation independent of .NET, to fill an
/// enveloped signature template. The tool is a required test dependency: when it is missing the test fails with a message
/// saying how to install it.
/// </summary>
public static class XmlSec1
{
    public const string Command = "xmlsec1";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Signs <paramref name="template"/> (a document whose CHUKYDONVI holds an empty signature template) with the exported key
    /// and certificate: <c>xmlsec1 --sign --privkey-pem key.pem,cert.pem --output out.xml in.xml</c>. Returns xmlsec1's exact output bytes.
    /// </summary>
    public static async Task<byte[]> SignAsync(byte[] template, ExportedCertificate key, string folder)
    {
        var input = Path.Combine(folder, "template.xml");
        var output = Path.Combine(folder, "signed.xml");
        await File.WriteAllBytesAsync(input, template);
        var (exitCode, stdout, stderr) = await RunAsync(
            "--sign", "--privkey-pem", $"{key.PrivateKeyPemPath},{key.CertificatePemPath}", "--output", output, input);
        if (exitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"xmlsec1 --sign failed with exit code {exitCode}: {stderr} {stdout}".Trim());
        }

        return await File.ReadAllBytesAsync(output);
    }

    /// <summary>
    /// Signs <paramref name="template"/> with <paramref name="certificate"/>'s key, exported to a temporary folder that is deleted
    /// afterwards.
    /// </summary>
    public static async Task<byte[]> SignAsync(byte[] template, X509Certificate2 certificate)
    {
        var folder = Directory.CreateTempSubdirectory("sosuckhoe-xmlsec1-").FullName;
        try
        {
            return await SignAsync(template, FacilityCertificates.Export(certificate, folder, "signer"), folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs xmlsec1 with the arguments under a deadline; the process is killed when it overruns.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The independent signer '{Command}' is required by the signature tests but could not be started ({ex.Message}). " +
                "Install it: apt-get install -y xmlsec1.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"xmlsec1 did not finish within {Timeout.TotalSeconds:0} s.");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
