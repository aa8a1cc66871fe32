using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Nop.Core.Domain.Common;
using Nop.Data;
using Nop.Plugin.Misc.Gameball.Services.WebFarm;
using Nop.Plugin.Misc.Gameball.Tests.Support;

namespace Nop.Plugin.Misc.Gameball.Tests.WebFarm;

/// <summary>
/// The claim on outbox work where it must hold: a real PostgreSQL (Debian's package, started by
/// .ci/run, found through GAMEBALL_TEST_POSTGRES), reached through LINQ to DB as nopCommerce's
/// repository reaches it (each statement on its own connection, in autocommit), nodes racing from
/// many connections at once.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PostgresClaimTests
{
    private const string ConnectionVariable = "GAMEBALL_TEST_POSTGRES";
    private static readonly TimeSpan _expiry = TimeSpan.FromMinutes(1);
    private DataOptions _options = null!;

    [OneTimeSetUp]
    public async Task CreateTable()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrEmpty(connectionString))
            Assert.Ignore($"{ConnectionVariable} is not set: .ci/run starts a PostgreSQL and sets it.");

        var mapping = new MappingSchema();
        new FluentMappingBuilder(mapping).Entity<GenericAttribute>()
            .HasTableName(nameof(GenericAttribute))
            .Property(a => a.Id).IsPrimaryKey().IsIdentity()
            .Build();
        _options = new DataOptions().UsePostgreSQL(connectionString).UseMappingSchema(mapping);

        // nopCommerce 4.90's GenericAttribute table
        await using var db = new DataConnection(_options);
        await db.ExecuteAsync("""
            DROP TABLE IF EXISTS "GenericAttribute";
            CREATE TABLE "GenericAttribute" (
                "Id" serial PRIMARY KEY,
                "EntityId" integer NOT NULL,
                "KeyGroup" varchar(400) NOT NULL,
                "Key" varchar(400) NOT NULL,
                "Value" text NOT NULL,
                "StoreId" integer NOT NULL,
                "CreatedOrUpdatedDateUTC" timestamp NULL);
            CREATE INDEX "IX_GenericAttribute_EntityId_and_KeyGroup" ON "GenericAttribute" ("EntityId", "KeyGroup");
            """);
    }

    private OutboxClaims Claims(TimeProvider? clock = null) =>
        new(new PostgresRepository(_options), new WebFarmMembership(WebFarmTiming.Default, clock ?? TimeProvider.System), clock ?? TimeProvider.System);

    [Test]
    public async Task NodesRacingFromTheirOwnConnectionsNeverHoldTheSameWorkTogether()
    {
        const int nodes = 8;
        const int entities = 3;
        var holders = new int[entities];
        var mostAtOnce = 0;
        var held = 0;

        await Task.WhenAll(Enumerable.Range(0, nodes).Select(n => Task.Run(async () =>
        {
            var claims = Claims();
            for (var round = 0; round < 150; round++)
            {
                var entity = (n + round) % entities;
                if (await claims.TryClaimAsync("Nop.Plugin.Misc.Gameball.OrderSync." + entity, entity, _expiry) is not { } claim)
                {
                    await Task.Delay(Random.Shared.Next(0, 3));
                    continue;
                }
                OutboxClaimsTests.InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref holders[entity]));
                Interlocked.Increment(ref held);
                await Task.Delay(2);
                Interlocked.Decrement(ref holders[entity]);
                await claims.ReleaseAsync(claim);
            }
        })));

        mostAtOnce.Should().Be(1, "no two nodes hold one entity's work at the same moment");
        held.Should().BePositive("claims are taken, not only refused");
        await using var db = new DataConnection(_options);
        (await db.GetTable<GenericAttribute>().CountAsync(a => a.KeyGroup == OutboxClaims.KeyGroup)).Should().Be(0, "every claim was released");
        for (var entity = 0; entity < entities; entity++)
        {
            var claim = await Claims().TryClaimAsync("Nop.Plugin.Misc.Gameball.OrderSync." + entity, entity, _expiry);
            claim.Should().NotBeNull("once the race is over the work is free at the first try");
            await Claims().ReleaseAsync(claim!);
        }
    }

    [Test]
    public async Task ADeadNodesClaimBlocksUntilItExpiresThenIsTidiedAway()
    {
        var clock = new ShiftableClock();
        var dead = await Claims(clock).TryClaimAsync("order-42", 42, _expiry);
        dead.Should().NotBeNull();

        (await Claims(clock).TryClaimAsync("order-42", 42, _expiry)).Should().BeNull();
        clock.Advance(_expiry + TimeSpan.FromSeconds(5));
        var next = await Claims(clock).TryClaimAsync("order-42", 42, _expiry);

        next.Should().NotBeNull();
        await using var db = new DataConnection(_options);
        (await db.GetTable<GenericAttribute>().Where(a => a.KeyGroup == OutboxClaims.KeyGroup && a.EntityId == 42).Select(a => a.Id).ToListAsync()).Should().Equal(next!.RowId);
        await Claims(clock).ReleaseAsync(next);
    }

    [Test]
    public async Task StateKeysWrittenTwiceAreCutBackToTheirLastRowInTheDatabase()
    {
        // the repair's grouped query, as LINQ to DB sends it to PostgreSQL
        var at = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = new DataConnection(_options))
        {
            foreach (var (keyGroup, entity, key, value, seconds) in new[]
            {
                ("Order", 501, "Gameball.OrderSyncStatus", "Pending", 0),
                ("Order", 501, "Gameball.OrderSyncStatus", "Sent", 1),
                ("Order", 502, "Gameball.OrderSyncStatus", "Sent", 0),
                ("Customer", 501, "FirstName", "Maria", 0),
                ("Customer", 501, "FirstName", "María", 1),
            })
            {
                await db.InsertAsync(new GenericAttribute { KeyGroup = keyGroup, EntityId = entity, Key = key, Value = value, StoreId = 0, CreatedOrUpdatedDateUTC = at.AddSeconds(seconds) });
            }
        }

        (await new DuplicateStateRows(new PostgresRepository(_options)).RemoveAsync()).Should().Be(1);

        await using var check = new DataConnection(_options);
        var left = await check.GetTable<GenericAttribute>().Where(a => a.EntityId == 501 || a.EntityId == 502).OrderBy(a => a.Id).Select(a => a.KeyGroup + " " + a.EntityId + " " + a.Value).ToListAsync();
        left.Should().Equal("Order 501 Sent", "Order 502 Sent", "Customer 501 Maria", "Customer 501 María");
        await check.GetTable<GenericAttribute>().Where(a => a.EntityId == 501 || a.EntityId == 502).DeleteAsync();
    }

    /// <summary>nopCommerce's EntityRepository over LINQ to DB: a connection per statement, autocommit.</summary>
    private sealed class PostgresRepository(DataOptions options) : IRepository<GenericAttribute>
    {
        public IQueryable<GenericAttribute> Table => new DataContext(options).GetTable<GenericAttribute>();

        public async Task InsertAsync(GenericAttribute entity, bool publishEvent = true)
        {
            await using var db = new DataConnection(options);
            entity.Id = await db.InsertWithInt32IdentityAsync(entity);
        }

        public async Task UpdateAsync(GenericAttribute entity, bool publishEvent = true)
        {
            await using var db = new DataConnection(options);
            await db.UpdateAsync(entity);
        }

        public async Task DeleteAsync(GenericAttribute entity, bool publishEvent = true)
        {
            await using var db = new DataConnection(options);
            await db.DeleteAsync(entity);
        }

        public async Task<int> DeleteAsync(Expression<Func<GenericAttribute, bool>> predicate)
        {
            await using var db = new DataConnection(options);
            return await db.GetTable<GenericAttribute>().Where(predicate).DeleteAsync();
        }
    }
}
