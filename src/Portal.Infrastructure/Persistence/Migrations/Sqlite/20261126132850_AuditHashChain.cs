using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "DossierEvents",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "DossierEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Lines written before the chain: unsealed, numbered apart (the start-up seals and renumbers them in order).
            migrationBuilder.Sql("""UPDATE "DossierEvents" SET "Sequence" = -"Id";""");

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
