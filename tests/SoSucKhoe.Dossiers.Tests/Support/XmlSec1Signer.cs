using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>
/// Fills an enveloped signature template with the xmlsec1 command-line signer (Debian package xmlsec1), an XML-DSig
/// implementation independent of .NET. A required test dependency: when it is missing the test fails saying how to install it.
/// </summary>
internal static class XmlSec1Signer
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Runs <c>xmlsec1 --sign --privkey-pem key.pem,cert.pem --output signed.xml template.xml</c> in a temporary folder and
    /// returns xmlsec1's exact output bytes.
    /// </summary>
    public static byte[] Sign(byte[] template, X509Certificate2 certificate)
    {
        var folder = Directory.CreateTempSubdirectory("sosuckhoe-fast-xmlsec1-").FullName;
        try
        {
            var key = FacilityCertificates.Export(certificate, folder, "signer");
            var input = Path.Combine(folder, "template.xml");
            var output = Path.Combine(folder, "signed.xml");
            File.WriteAllBytes(input, template);
            var start = new ProcessStartInfo("xmlsec1")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--sign", "--privkey-pem", $"{key.PrivateKeyPemPath},{key.CertificatePemPath}", "--output", output, input })
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
                throw new InvalidOperationException($"The independent signer xmlsec1 is required by this test ({ex.Message}). Install it: apt-get install -y xmlsec1.", ex);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(Deadline))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"xmlsec1 did not finish within {Deadline.TotalSeconds:0} s.");
                }

                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    throw new InvalidOperationException($"xmlsec1 --sign failed with exit code {process.ExitCode}: {stderr.Result} {stdout.Result}".Trim());
                }
            }

            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
