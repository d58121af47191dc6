import type { ReactNode } from 'react';
import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * A part of a page under its own h2. The section is named by its heading (aria-labelledby), so
 * screen readers list it as a region; `id` must be unique on the page.
 */
export function TitledSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <Title3 as="h2" id={id}>
        {title}
      </Title3>
      {children}
    </section>
  );
}

/** A titled section with a bulleted list of `items`, or the `empty` sentence when there are none. */
export function ListSection<T>({
  id,
  title,
  empty,
  items,
  itemKey,
  renderItem,
}: {
  id: string;
  title: ReactNode;
  empty: ReactNode;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
}) {
  const styles = useStyles();
  return (
    <TitledSection id={id} title={title}>
      {items.length === 0 ? (
        <Text block>{empty}</Text>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={itemKey(item)}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
    </TitledSection>
  );
}
