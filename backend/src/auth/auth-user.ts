/** The caller, as proven by a verified JWT. The only source of identity in the backend. */
export interface AuthUser {
  id: string;
  email?: string;
}
