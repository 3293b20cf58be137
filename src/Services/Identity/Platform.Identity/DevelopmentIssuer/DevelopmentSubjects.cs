using Dapper;
using Npgsql;

namespace Platform.Identity.DevelopmentIssuer;

/// <summary>The development issuer's email-to-subject map: the same email always signs in as the same user.</summary>
public sealed class DevelopmentSubjects(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<Guid> SubjectForAsync(string email, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Insert-or-read in one statement; a concurrent first issue for the same email gets the winner's subject.
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            with inserted as (
                insert into development_subjects (email, subject, created_at) values (@email, @subject, @now)
                on conflict (email) do nothing returning subject)
            select subject from inserted union all select subject from development_subjects where email = @email limit 1
            """, new { email, subject = Guid.CreateVersion7(), now = time.GetUtcNow() }, cancellationToken: ct));
    }
}
