/**
 * @module
 * Organizations: the tenants. Every other record belongs to one.
 */

export interface OrganizationRow {
  id: string;
  /** Unique across the server. */
  name: string;
  created_at: string;
}

export interface OrganizationStore {
  /** @returns the organization, or undefined when one with that (unique) name exists. */
  create(organization: OrganizationRow): Promise<OrganizationRow | undefined>;
  findById(id: string): Promise<OrganizationRow | undefined>;
  findByName(name: string): Promise<OrganizationRow | undefined>;
  /** Every organization, oldest first (for the CLI; there is no HTTP listing). */
  list(): Promise<OrganizationRow[]>;
}
