namespace KeyWorks.Domain.Programmes;

/// <summary>A named yearly set of key projects (e.g. a high-tech zone's 三十工程).</summary>
public sealed record ProgrammeState(string Id, string Name, int Year, string District)
{
    public static ProgrammeState Create(ProgrammeRegistered registered) =>
        new(registered.ProgrammeId, registered.Name, registered.Year, registered.District);
}
