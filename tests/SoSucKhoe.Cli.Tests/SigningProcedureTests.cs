using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Cli.Tests;

/// <summary>
/// "Signing a dossier" in docs/api.md: the documented xmlsec1 procedure, run exactly as written on an unsigned sample from the CLI,
/// gives a dossier the hub's verifier accepts, and the readable template shown there is the one the procedure uses.
/// </summary>
public sealed class SigningProcedureTests : IDisposable
{
    private const string Document = "docs/api.md";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_documented_xmlsec1_procedure_signs_a_dossier_the_hub_s_verifier_accepts()
    {
        var procedure = DocumentationBlocks.Read(Document, "signing-procedure");

        var (exitCode, output) = await BashAsync(Tool.ShellFunction + procedure);

        Assert.True(exitCode == 0, output);
        var signed = File.ReadAllBytes(_folder["dossier.xml"]);
        using var certificate = X509Certificate2.CreateFromPem(Tool.Text(_folder["signer.crt"]));
        var text = Encoding.UTF8.GetString(signed);
        Assert.DoesNotContain("<DigestValue/>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<X509Certificate/>", text, StringComparison.Ordinal);
        ProductRules.AssertValidDossier(signed);
        ProductRules.AssertSignedBy(signed, certificate);
    }

    [Fact]
    public void The_readable_template_is_the_one_line_template_of_the_procedure()
    {
        var readable = DocumentationBlocks.Read(Document, "signature-template");
        var procedure = DocumentationBlocks.Read(Document, "signing-procedure");
        var line = procedure.Split('\n').Single(l => l.StartsWith("TEMPLATE='", StringComparison.Ordinal));

        var oneLine = XElement.Parse(line["TEMPLATE='".Length..^1]);
        var shown = XElement.Parse(readable, LoadOptions.None);

        Assert.True(XNode.DeepEquals(oneLine, shown), $"{oneLine}\n{shown}");
    }

    private async Task<(int ExitCode, string Output)> BashAsync(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException("bash is needed to run the documented procedure.", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(script);
            process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(deadline.Token);
            var text = await output + await error;
            if (process.ExitCode == 127 && text.Contains("xmlsec1", StringComparison.Ordinal))
            {
                text += "\nThe documented procedure needs xmlsec1: apt-get install -y xmlsec1 (the CI script installs it).";
            }

            return (process.ExitCode, text);
        }
    }
}
