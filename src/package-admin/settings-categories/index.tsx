import { Text } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { PetitionCategories } from './petition-categories';
import { WishCategories } from './wish-categories';
import '../parts/index.scss';

/** 心愿与诉求类别: the district's lists residents pick from. Its admin edits them; a street admin reads them. */
function CategoriesPage() {
  const me = useMe();
  const [tab, setTab] = useState<'wish' | 'petition'>('wish');
  const editable = me.data?.adminScope === 'district';
  return (
    <PageShell className="admin-categories">
      <Tabs
        tabs={[
          { value: 'wish', label: '心愿类别' },
          { value: 'petition', label: '诉求类别' },
        ]}
        value={tab}
        onChange={setTab}
      />
      <Text className="admin-intro">
        {editable
          ? '类别全区共用，修改后一分钟内对所有居民生效。已用过的类别不能删除，只能改名或调整。'
          : '类别全区共用，由区级管理员设置；这里可以查看。需要新增或修改，请联系区级管理员。'}
      </Text>
      {tab === 'wish' ? <WishCategories editable={editable} /> : <PetitionCategories editable={editable} />}
    </PageShell>
  );
}

export default CategoriesPage;
