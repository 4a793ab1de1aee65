using Microsoft.Data.Sqlite;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// A SQLite connection that holds its data source's gate from open to close, so that the provider's operations
/// on the one database file run one at a time in this process instead of contending for SQLite's write lock.
/// </summary>
internal sealed class GatedSqliteConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
{
    private int _released;

    public override void Close()
    {
        try
        {
            base.Close();
        }
        finally
        {
            Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release();
        }
    }
}
