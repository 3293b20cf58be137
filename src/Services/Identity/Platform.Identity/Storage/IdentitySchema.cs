using Npgsql;

namespace Platform.Identity.Storage;

/// <summary>
/// The service's own tables (schema public, so the projection's unqualified SQL finds them). Created before traffic,
/// under an advisory lock so instances starting together do not race.
/// </summary>
public sealed class IdentitySchema(NpgsqlDataSource dataSource) : IHostedService
{
    private const string Ddl = """
        select pg_advisory_xact_lock(hashtext('platform.identity.schema'));
        create table if not exists users (
            user_id text primary key, email text not null, name text not null,
            personal_account_id uuid not null unique, created_at timestamptz not null);
        create table if not exists development_subjects (email text primary key, subject uuid not null unique, created_at timestamptz not null);
        create table if not exists organizations (
            organization_id uuid primary key, account_id uuid not null unique, name text not null,
            member_limit int not null, member_count int not null, created_at timestamptz not null);
        create table if not exists memberships (
            organization_id uuid not null, user_id text not null, role text not null, joined_at timestamptz not null,
            primary key (organization_id, user_id));
        create index if not exists memberships_user on memberships (user_id, organization_id);
        create table if not exists invitations (
            invitation_id uuid primary key, organization_id uuid not null, email text not null, role text not null,
            state text not null, invited_by_user_id text not null, created_at timestamptz not null, expires_at timestamptz not null);
        create index if not exists invitations_organization on invitations (organization_id, created_at);
        create table if not exists invitation_tokens (invitation_id uuid primary key, token_hash bytea not null unique);
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Ddl, connection, transaction)) await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
