namespace SoSucKhoe.Dossiers.Internal;

/// <summary>Raised inside the reader when a document exceeds a configured limit; never escapes the reader.</summary>
internal sealed class XmlLimitException(string message) : Exception(message);
