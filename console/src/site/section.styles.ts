import { css } from 'lit';

/** A section of a site's page: a card with its heading, below the sticky top bar when scrolled to. */
export const sectionStyles = css`
  :host {
    display: block;
    scroll-margin-top: 84px;
  }
  section.card {
    padding: 22px 24px 24px;
  }
  .section-head {
    margin-bottom: 16px;
  }
  .section-head p {
    color: var(--muted);
    margin: 0;
  }
  .save-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px 14px;
    margin-top: 4px;
  }
  .save-row .state {
    color: var(--muted);
    font-size: 14px;
  }
  details {
    border-top: 1px solid var(--border);
    padding-top: 12px;
    margin: 4px 0 16px;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  details[open] summary {
    margin-bottom: 12px;
  }
  @media (max-width: 720px) {
    :host {
      scroll-margin-top: 120px;
    }
  }
  @media (max-width: 600px) {
    section.card {
      padding: 18px 16px 20px;
    }
  }
`;
