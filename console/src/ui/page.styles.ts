import { css } from 'lit';

/** A page of the console: its header (title, lead, actions) and its column. */
export const pageStyles = css`
  :host {
    display: block;
    max-width: 1120px;
    margin: 0 auto;
    padding: 28px 24px 64px;
  }
  .page-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 12px 24px;
    margin-bottom: 22px;
  }
  .page-head > div {
    min-width: 0;
  }
  .back {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    font-size: 14px;
    margin-bottom: 8px;
    text-decoration: none;
  }
  .back:hover {
    text-decoration: underline;
  }
  .back svg.icon {
    width: 16px;
    height: 16px;
  }
  .loading {
    color: var(--muted);
    padding: 24px 0;
  }
  @media (max-width: 600px) {
    :host {
      padding: 18px 12px 48px;
    }
  }
`;
