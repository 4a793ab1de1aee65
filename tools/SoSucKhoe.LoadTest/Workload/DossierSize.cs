namespace SoSucKhoe.LoadTest.Workload;

/// <summary>Size classes of generated dossiers, from a simple outpatient visit to a long inpatient stay.</summary>
public enum DossierSize
{
    /// <summary>Outpatient visit (MA_LOAI_KCB 01, 02, 05 or 07) with the generator's plausible handful of XML2/XML3 rows.</summary>
    Outpatient,

    /// <summary>Inpatient stay (03, 04 or 09) of plausible length with the generator's plausible rows.</summary>
    Inpatient,

    /// <summary>Long inpatient stay (03, 30-90 days) with hundreds of XML2 and XML3 rows (150-400 each).</summary>
    Long,
}
