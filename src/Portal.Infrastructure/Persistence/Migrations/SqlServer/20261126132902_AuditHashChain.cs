using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "DossierEvents",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "DossierEvents",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "DossierEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Lines written before the chain: unsealed, numbered apart (the start-up seals and renumbers them in order).
            // EXEC: compiled when it runs, after the column exists (the idempotent script runs one batch per migration).
            migrationBuilder.Sql("""EXEC(N'UPDATE [DossierEvents] SET [Sequence] = -[Id]');""");

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_Sequence",
                table: "DossierEvents",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierEvents_Sequence",
                table: "DossierEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "DossierEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "DossierEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "DossierEvents");
        }
    }
}
