namespace SoSucKhoe.LoadTest;

/// <summary>The command line is wrong; the message says why.</summary>
public sealed class UsageException(string message) : Exception(message);
