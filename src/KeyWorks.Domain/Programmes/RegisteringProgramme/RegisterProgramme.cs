namespace KeyWorks.Domain.Programmes;

public sealed record RegisterProgramme(string ProgrammeId, string Name, int Year, string District);

public sealed record ProgrammeRegistered(string ProgrammeId, string Name, int Year, string District) : IProgrammeEvent;

public static class RegisteringProgramme
{
    public static IReadOnlyList<IDomainEvent> Handle(ProgrammeState? state, RegisterProgramme command, Actor actor)
    {
        Rules.Office(actor);
        if (state is not null)
            throw Rules.Reject(ErrorCodes.ProgrammeAlreadyRegistered, $"Programme {command.ProgrammeId} already exists（项目计划已存在）", "programmeId");
        Rules.Text(command.Name, "name");
        Rules.Text(command.District, "district");
        return [new ProgrammeRegistered(command.ProgrammeId, command.Name, command.Year, command.District)];
    }
}
