using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RatingsCarryTheirCommune : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Agency",
                table: "DossierRatings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CommuneCode",
                table: "DossierRatings",
                type: "nvarchar(5)",
                maxLength: 5,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_At_CommuneCode",
                table: "DossierRatings",
                columns: new[] { "At", "CommuneCode" });

            // Ratings given before: copy the commune and agency from their dossier.
            migrationBuilder.Sql("UPDATE r SET r.[CommuneCode] = d.[CommuneCode], r.[Agency] = d.[Agency] FROM [DossierRatings] r JOIN [Dossiers] d ON d.[Id] = r.[DossierId];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_At_CommuneCode",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "Agency",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "CommuneCode",
                table: "DossierRatings");
        }
    }
}
